package io.vclip.operator.validation;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vclip.crds.v1alpha1.ObjectStore;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.EvalValidator;
import io.vclip.crds.validation.FieldError;
import io.vclip.crds.validation.Target;
import io.vclip.crds.validation.TrainingValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared spec validators (the same ones {@code vclip run} uses) plus what only the cluster can tell: the
 * credentials Secret must exist and hold both keys, or every pod would hang in CreateContainerConfigError.
 */
public final class ClusterValidation {

  private final KubernetesClient client;

  public ClusterValidation(KubernetesClient client) {
    this.client = client;
  }

  public List<FieldError> validate(VideoClipTraining training) {
    List<FieldError> errors = new ArrayList<>(TrainingValidator.validate(training, Target.CLUSTER));
    if (errors.isEmpty()) {
      secret(training.getSpec().getCheckpoint().getStore(), "spec.checkpoint.store.credentialsSecret",
          training.getMetadata().getNamespace(), errors);
    }
    return errors;
  }

  public List<FieldError> validate(VideoClipEval eval) {
    List<FieldError> errors = new ArrayList<>(EvalValidator.validate(eval, Target.CLUSTER));
    if (errors.isEmpty()) {
      secret(eval.getSpec().getStore(), "spec.store.credentialsSecret", eval.getMetadata().getNamespace(), errors);
    }
    return errors;
  }

  private void secret(ObjectStore store, String path, String namespace, List<FieldError> errors) {
    var ref = store.getCredentialsSecret();
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    if (secret == null) {
      errors.add(new FieldError(path + ".name", "Secret '" + ref.getName() + "' not found in namespace '" + namespace + "'"));
      return;
    }
    for (String key : List.of(ref.getAccessKeyKey(), ref.getSecretKeyKey())) {
      boolean present = (secret.getData() != null && secret.getData().containsKey(key))
          || (secret.getStringData() != null && secret.getStringData().containsKey(key));
      if (!present) {
        errors.add(new FieldError(path, "Secret '" + ref.getName() + "' has no key '" + key + "'"));
      }
    }
  }
}
