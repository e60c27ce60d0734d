package io.vclip.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vclip.operator.observer.WorkerState;
import java.util.Collection;

/**
 * Writes the objects the dependents describe. Creation tolerates "already exists": informer caches lag
 * behind the operator's own writes, so a reconcile may try to create what the previous one created.
 */
public final class ClusterObjects {

  private final KubernetesClient client;

  public ClusterObjects(KubernetesClient client) {
    this.client = client;
  }

  public KubernetesClient client() {
    return client;
  }

  public void createIfAbsent(HasMetadata object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** For objects whose content follows the spec (the spec ConfigMap): changes apply at the next run. */
  public void createOrUpdate(HasMetadata object) {
    client.resource(object).createOr(existing -> existing.update());
  }

  public void createIfAbsent(GenericKubernetesResource object, ResourceDefinitionContext definition) {
    try {
      client.genericKubernetesResources(definition).inNamespace(object.getMetadata().getNamespace())
          .resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new MissingCrdException(definition);
      }
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  public void delete(ResourceDefinitionContext definition, String namespace, String name) {
    try {
      client.genericKubernetesResources(definition).inNamespace(namespace).withName(name).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  public void deletePods(String namespace, Collection<WorkerState> workers) {
    for (WorkerState worker : workers) {
      if (!worker.terminating()) {
        client.pods().inNamespace(namespace).withName(worker.podName()).delete();
      }
    }
  }

  public void delete(HasMetadata object) {
    client.resource(object).delete();
  }

  public Pod pod(String namespace, String name) {
    return client.pods().inNamespace(namespace).withName(name).get();
  }

  /** The gang scheduler's CRD is not installed: the pods would never be scheduled. */
  public static final class MissingCrdException extends RuntimeException {
    MissingCrdException(ResourceDefinitionContext definition) {
      super("the " + definition.getKind() + " CRD (" + definition.getGroup() + "/" + definition.getVersion()
          + ") is not installed; install its scheduler or set spec.runPolicy.gang.provider to none");
    }
  }
}
