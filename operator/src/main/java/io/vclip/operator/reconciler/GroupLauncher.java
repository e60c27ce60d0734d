package io.vclip.operator.reconciler;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.operator.dependent.HeadlessService;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.dependent.PodGroupManifest;
import io.vclip.operator.dependent.SpecConfigMap;
import io.vclip.operator.dependent.WorkerPod;
import io.vclip.operator.observer.PodGroupObservation;
import io.vclip.operator.observer.WorkerState;
import java.util.Set;
import java.util.stream.Collectors;

/** Brings the objects of the current run into existence: spec ConfigMap, Service, PodGroup, missing pods. */
final class GroupLauncher {

  private final ClusterObjects objects;

  GroupLauncher(ClusterObjects objects) {
    this.objects = objects;
  }

  /** Returns how many pods it created. */
  int launch(VideoClipTraining training, PodGroupObservation group) {
    objects.createOrUpdate(SpecConfigMap.desired(training, Labels.WORKER));
    objects.createIfAbsent(HeadlessService.desired(training));
    PodGroupManifest.desired(training).ifPresent(podGroup -> objects.createIfAbsent(podGroup,
        PodGroupManifest.definition(training.getSpec().getRunPolicy().getGang().getProvider()).orElseThrow()));
    Set<Integer> existing = group.current().stream().map(WorkerState::rank).collect(Collectors.toSet());
    int created = 0;
    for (int rank = 0; rank < training.getSpec().getReplicas(); rank++) {
      if (!existing.contains(rank)) {
        objects.createIfAbsent(WorkerPod.desired(training, training.getStatus().getRunId(), rank));
        created++;
      }
    }
    return created;
  }
}
