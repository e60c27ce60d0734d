package io.vclip.operator.reconciler;

import io.vclip.crds.v1alpha1.CleanPodPolicy;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.operator.dependent.PodGroupManifest;
import io.vclip.operator.observer.PodGroupObservation;
import io.vclip.operator.observer.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What happens after Succeeded or Failed: cleanPodPolicy, then deletion once ttlSecondsAfterFinished passed. */
final class FinishedJobs {

  private final ClusterObjects objects;

  FinishedJobs(ClusterObjects objects) {
    this.objects = objects;
  }

  void cleanUp(VideoClipTraining training, PodGroupObservation group) {
    CleanPodPolicy policy = training.getSpec().getRunPolicy().getCleanPodPolicy();
    List<WorkerState> all = new ArrayList<>(group.current());
    all.addAll(group.stale());
    String namespace = training.getMetadata().getNamespace();
    switch (policy) {
      case NONE -> { }
      case RUNNING -> objects.deletePods(namespace, all.stream().filter(w -> !w.finished()).toList());
      case ALL -> objects.deletePods(namespace, all);
    }
    if (policy != CleanPodPolicy.NONE) {
      // The PodGroup would keep reserving capacity for a group that will never run again.
      PodGroupManifest.definition(training.getSpec().getRunPolicy().getGang().getProvider())
          .ifPresent(definition -> objects.delete(definition, namespace, PodGroupManifest.name(training)));
    }
  }

  /** Deletes the resource when its TTL expired; otherwise says when to look again. */
  Optional<Duration> expire(VideoClipTraining training, Instant now) {
    Integer ttl = training.getSpec().getRunPolicy().getTtlSecondsAfterFinished();
    String completed = training.getStatus().getCompletionTime();
    if (ttl == null || completed == null) {
      return Optional.empty();
    }
    Instant expiry = Instant.parse(completed).plusSeconds(ttl);
    if (!now.isBefore(expiry)) {
      objects.delete(training);
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, expiry));
  }
}
