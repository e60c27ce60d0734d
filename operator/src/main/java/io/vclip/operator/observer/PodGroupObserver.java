package io.vclip.operator.observer;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.operator.dependent.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Turns the worker pods of a training into a {@link PodGroupObservation}. */
public final class PodGroupObserver {

  private PodGroupObserver() {}

  public static PodGroupObservation observe(VideoClipTraining training, Collection<Pod> pods) {
    String runId = training.getStatus() == null ? null : training.getStatus().getRunId();
    List<WorkerState> current = new ArrayList<>();
    List<WorkerState> stale = new ArrayList<>();
    for (Pod pod : pods) {
      var labels = pod.getMetadata().getLabels();
      if (labels == null || !training.getMetadata().getName().equals(labels.get(Labels.JOB))
          || !Labels.WORKER.equals(labels.get(Labels.ROLE))) {
        continue;
      }
      WorkerState state = stateOf(pod);
      if (runId != null && runId.equals(state.runId())) {
        current.add(state);
      } else {
        stale.add(state);
      }
    }
    return new PodGroupObservation(training.getSpec().getReplicas(), current, stale);
  }

  static WorkerState stateOf(Pod pod) {
    var labels = pod.getMetadata().getLabels();
    int rank = Integer.parseInt(labels.getOrDefault(Labels.RANK, "-1"));
    var status = pod.getStatus();
    String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    Optional<ContainerStateTerminated> terminated = terminated(pod);
    String created = pod.getMetadata().getCreationTimestamp();
    return new WorkerState(
        rank,
        pod.getMetadata().getName(),
        labels.get(Labels.RUN_ID),
        phase,
        ready,
        terminated.map(ContainerStateTerminated::getExitCode).orElse(null),
        terminated.map(ContainerStateTerminated::getMessage).orElse(null),
        pod.getMetadata().getDeletionTimestamp() != null,
        created == null ? null : Instant.parse(created));
  }

  static Optional<ContainerStateTerminated> terminated(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .map(ContainerStatus::getState)
        .filter(state -> state != null && state.getTerminated() != null)
        .map(state -> state.getTerminated())
        .findFirst();
  }
}
