package io.vclip.operator.dependent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Job that runs {@code vclip eval} once against one checkpoint. */
public final class EvalJob {

  private static final String SPEC_VOLUME = "spec";

  private EvalJob() {}

  public static String name(VideoClipEval eval) {
    return eval.getMetadata().getName() + "-eval";
  }

  public static Job desired(VideoClipEval eval, String checkpointUri, String runId) {
    VideoClipEvalSpec spec = eval.getSpec();
    String name = eval.getMetadata().getName();
    Map<String, String> labels = Labels.of(name, Labels.EVAL);
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("cpu", new Quantity(spec.getResources().getCpu()));
    requests.put("memory", new Quantity(spec.getResources().getMemory()));
    Map<String, Quantity> limits = new LinkedHashMap<>(requests);
    if (spec.getResources().getGpus() > 0) {
      limits.put("nvidia.com/gpu", new Quantity(Integer.toString(spec.getResources().getGpus())));
    }
    List<EnvVar> env = new ArrayList<>();
    env.add(WorkerPod.plain(TrainerEnv.WORLD_SIZE, "1"));
    env.add(WorkerPod.plain(TrainerEnv.RANK, "0"));
    env.add(WorkerPod.plain(TrainerEnv.LOCAL_WORLD_SIZE, Integer.toString(Math.max(1, spec.getResources().getGpus()))));
    env.add(WorkerPod.plain(TrainerEnv.JOB, name));
    env.add(WorkerPod.plain(TrainerEnv.RUN_ID, runId));
    env.add(WorkerPod.plain(TrainerEnv.SPEC_FILE, TrainerEnv.specFilePath()));
    env.add(WorkerPod.plain(TrainerEnv.CHECKPOINT_URI, checkpointUri));
    env.addAll(StoreEnv.of(spec.getStore()));
    var scheduling = spec.getScheduling();
    return new JobBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(name(eval))
            .withNamespace(eval.getMetadata().getNamespace())
            .withLabels(labels)
            .withOwnerReferences(Ownership.ownedBy(eval))
            .build())
        .withNewSpec()
          .withBackoffLimit(spec.getBackoffLimit())
          .withNewTemplate()
            .withNewMetadata().withLabels(labels).endMetadata()
            .withNewSpec()
              .withRestartPolicy("Never")
              .withAutomountServiceAccountToken(false)
              .withNodeSelector(scheduling.getNodeSelector())
              .withTolerations(scheduling.getTolerations())
              .withAffinity(scheduling.getAffinity())
              .addNewContainer()
                .withName("eval")
                .withImage(spec.getImage())
                .withArgs("eval", "--checkpoint", checkpointUri)
                .withEnv(env)
                .withNewResources().withRequests(requests).withLimits(limits).endResources()
                .withTerminationMessagePath(TrainerEnv.TERMINATION_MESSAGE_PATH)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .addNewVolumeMount().withName(SPEC_VOLUME).withMountPath(TrainerEnv.SPEC_MOUNT_DIR).withReadOnly(true).endVolumeMount()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withRunAsNonRoot(true).endSecurityContext()
              .endContainer()
              .addNewVolume()
                .withName(SPEC_VOLUME)
                .withNewConfigMap().withName(SpecConfigMap.name(eval)).endConfigMap()
              .endVolume()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }
}
