package io.vclip.operator.dependent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.GangProvider;
import io.vclip.crds.v1alpha1.SchedulingSpec;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One trainer process: rank {@code rank} of the run {@code runId}, with the env contract of {@link TrainerEnv}. */
public final class WorkerPod {

  static final String CONTAINER = "trainer";
  private static final String SPEC_VOLUME = "spec";
  private static final String GPU = "nvidia.com/gpu";

  private WorkerPod() {}

  public static String name(VideoClipTraining training, int rank) {
    return training.getMetadata().getName() + "-worker-" + rank;
  }

  public static Pod desired(VideoClipTraining training, String runId, int rank) {
    VideoClipTrainingSpec spec = training.getSpec();
    String job = training.getMetadata().getName();
    Map<String, String> labels = Labels.of(job, Labels.WORKER);
    labels.put(Labels.RUN_ID, runId);
    labels.put(Labels.RANK, Integer.toString(rank));
    Map<String, String> annotations = new LinkedHashMap<>();
    GangProvider provider = spec.getRunPolicy().getGang().getProvider();
    if (provider == GangProvider.COSCHEDULING) {
      labels.put(Labels.COSCHEDULING_POD_GROUP, PodGroupManifest.name(training));
    } else if (provider == GangProvider.VOLCANO) {
      annotations.put(Labels.VOLCANO_POD_GROUP, PodGroupManifest.name(training));
    }
    String queue = spec.getRunPolicy().getGang().getQueueName();
    if (queue != null && !queue.isEmpty()) {
      labels.put(Labels.KUEUE_QUEUE, queue);
      // Kueue admits a plain-pod group once all of its pods exist: one group per run, all replicas.
      labels.put(Labels.KUEUE_POD_GROUP, job + "-" + runId);
      annotations.put(Labels.KUEUE_POD_GROUP_TOTAL, Integer.toString(spec.getReplicas()));
    }
    SchedulingSpec scheduling = spec.getScheduling();
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(name(training, rank))
            .withNamespace(training.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(annotations)
            .withOwnerReferences(Ownership.ownedBy(training))
            .build())
        .withNewSpec()
          // The operator restarts the whole group: a lone restarted rank could not rejoin the collective.
          .withRestartPolicy("Never")
          .withHostname(name(training, rank))
          .withSubdomain(HeadlessService.name(training))
          .withSchedulerName(schedulerName(spec))
          .withPriorityClassName(emptyToNull(scheduling.getPriorityClassName()))
          .withServiceAccountName(emptyToNull(scheduling.getServiceAccountName()))
          .withAutomountServiceAccountToken(false)
          .withNodeSelector(scheduling.getNodeSelector())
          .withTolerations(scheduling.getTolerations())
          .withAffinity(scheduling.getAffinity())
          .withContainers(container(training, runId, rank))
          .addNewVolume()
            .withName(SPEC_VOLUME)
            .withNewConfigMap().withName(SpecConfigMap.name(training)).endConfigMap()
          .endVolume()
        .endSpec()
        .build();
  }

  private static Container container(VideoClipTraining training, String runId, int rank) {
    VideoClipTrainingSpec spec = training.getSpec();
    int gpus = spec.getResources().getGpus();
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("cpu", new Quantity(spec.getResources().getCpu()));
    requests.put("memory", new Quantity(spec.getResources().getMemory()));
    Map<String, Quantity> limits = new LinkedHashMap<>(requests);
    if (gpus > 0) {
      limits.put(GPU, new Quantity(Integer.toString(gpus)));
    }
    ContainerBuilder container = new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(spec.getImage())
        .withArgs("train")
        .withEnv(env(training, runId, rank))
        .withNewResources().withRequests(requests).withLimits(limits).endResources()
        .withTerminationMessagePath(TrainerEnv.TERMINATION_MESSAGE_PATH)
        // A crash before rank 0 writes its report still leaves the last log lines for the status message.
        .withTerminationMessagePolicy("FallbackToLogsOnError")
        .addNewVolumeMount().withName(SPEC_VOLUME).withMountPath(TrainerEnv.SPEC_MOUNT_DIR).withReadOnly(true).endVolumeMount()
        .withNewSecurityContext()
          .withAllowPrivilegeEscalation(false)
          .withRunAsNonRoot(true)
        .endSecurityContext();
    if (spec.getTelemetry().getPrometheusPort() > 0) {
      container.addNewPort().withName("metrics").withContainerPort(spec.getTelemetry().getPrometheusPort()).endPort();
    }
    container.addNewPort().withName("rendezvous").withContainerPort(TrainerEnv.DEFAULT_MASTER_PORT).endPort();
    return container.build();
  }

  private static List<EnvVar> env(VideoClipTraining training, String runId, int rank) {
    VideoClipTrainingSpec spec = training.getSpec();
    List<EnvVar> env = new ArrayList<>();
    env.add(plain(TrainerEnv.MASTER_ADDR, name(training, 0) + "." + HeadlessService.name(training)));
    env.add(plain(TrainerEnv.MASTER_PORT, Integer.toString(TrainerEnv.DEFAULT_MASTER_PORT)));
    env.add(plain(TrainerEnv.WORLD_SIZE, Integer.toString(spec.getReplicas())));
    env.add(plain(TrainerEnv.RANK, Integer.toString(rank)));
    env.add(plain(TrainerEnv.LOCAL_WORLD_SIZE, Integer.toString(Math.max(1, spec.getResources().getGpus()))));
    env.add(plain(TrainerEnv.JOB, training.getMetadata().getName()));
    env.add(plain(TrainerEnv.RUN_ID, runId));
    env.add(plain(TrainerEnv.SPEC_FILE, TrainerEnv.specFilePath()));
    env.addAll(StoreEnv.of(spec.getCheckpoint().getStore()));
    return env;
  }

  private static String schedulerName(VideoClipTrainingSpec spec) {
    var gang = spec.getRunPolicy().getGang();
    if (gang.getSchedulerName() != null && !gang.getSchedulerName().isEmpty()) {
      return gang.getSchedulerName();
    }
    return switch (gang.getProvider()) {
      case COSCHEDULING -> "scheduler-plugins-scheduler";
      case VOLCANO -> "volcano";
      case NONE -> null;
    };
  }

  static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
