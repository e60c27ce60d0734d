package io.vclip.operator.dependent;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.VideoClipTraining;

/**
 * Stable DNS for the workers ({@code <job>-worker-<i>.<job>}), so rank 0's address survives group restarts.
 * Not-ready addresses are published because the ranks rendezvous before any of them could be ready.
 */
public final class HeadlessService {

  private HeadlessService() {}

  public static String name(VideoClipTraining training) {
    return training.getMetadata().getName();
  }

  public static Service desired(VideoClipTraining training) {
    String job = training.getMetadata().getName();
    return new ServiceBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(name(training))
            .withNamespace(training.getMetadata().getNamespace())
            .withLabels(Labels.of(job, Labels.WORKER))
            .withOwnerReferences(Ownership.ownedBy(training))
            .build())
        .withNewSpec()
          .withClusterIP("None")
          .withPublishNotReadyAddresses(true)
          .withSelector(Labels.of(job, Labels.WORKER))
          .addNewPort()
            .withName("rendezvous")
            .withPort(TrainerEnv.DEFAULT_MASTER_PORT)
          .endPort()
        .endSpec()
        .build();
  }
}
