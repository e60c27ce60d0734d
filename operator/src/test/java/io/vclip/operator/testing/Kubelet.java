package io.vclip.operator.testing;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Writes pod status the way a kubelet does (phase, Ready condition, the container's terminated state with
 * exit code and termination message) through the pods/status subresource.
 */
public final class Kubelet {

  private final KubernetesClient client;

  public Kubelet(KubernetesClient client) {
    this.client = client;
  }

  public void run(Pod pod) {
    write(pod, new PodStatusBuilder()
        .withPhase("Running")
        .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
        .withContainerStatuses(new ContainerStatusBuilder().withName("trainer").withReady(true)
            .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState().build())
        .build());
  }

  public void exit(Pod pod, int exitCode, String terminationMessage) {
    write(pod, new PodStatusBuilder()
        .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
        .withConditions(new PodConditionBuilder().withType("Ready").withStatus("False").build())
        .withContainerStatuses(new ContainerStatusBuilder().withName("trainer").withReady(false)
            .withNewState().withNewTerminated().withExitCode(exitCode).withMessage(terminationMessage)
            .withReason(exitCode == 0 ? "Completed" : "Error").endTerminated().endState().build())
        .build());
  }

  private void write(Pod pod, PodStatus status) {
    Pod fresh = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).get();
    fresh.setStatus(status);
    client.pods().inNamespace(fresh.getMetadata().getNamespace()).resource(fresh).updateStatus();
  }
}
