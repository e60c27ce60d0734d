package io.vclip.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vclip.crds.v1alpha1.GangProvider;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gang-scheduling object of a training: a scheduler-plugins PodGroup (coscheduling) or a Volcano
 * PodGroup. Generic resources, so the operator runs on clusters that have neither CRD installed.
 */
public final class PodGroupManifest {

  public static final ResourceDefinitionContext COSCHEDULING = new ResourceDefinitionContext.Builder()
      .withGroup("scheduling.x-k8s.io").withVersion("v1alpha1").withKind("PodGroup").withPlural("podgroups")
      .withNamespaced(true).build();
  public static final ResourceDefinitionContext VOLCANO = new ResourceDefinitionContext.Builder()
      .withGroup("scheduling.volcano.sh").withVersion("v1beta1").withKind("PodGroup").withPlural("podgroups")
      .withNamespaced(true).build();

  /** How long coscheduling waits for the whole group before it gives the placed pods back. */
  static final int SCHEDULE_TIMEOUT_SECONDS = 600;

  private PodGroupManifest() {}

  public static String name(VideoClipTraining training) {
    return training.getMetadata().getName();
  }

  public static Optional<ResourceDefinitionContext> definition(GangProvider provider) {
    return switch (provider) {
      case COSCHEDULING -> Optional.of(COSCHEDULING);
      case VOLCANO -> Optional.of(VOLCANO);
      case NONE -> Optional.empty();
    };
  }

  public static Optional<GenericKubernetesResource> desired(VideoClipTraining training) {
    VideoClipTrainingSpec spec = training.getSpec();
    var gang = spec.getRunPolicy().getGang();
    int minMember = gang.getMinAvailable() == null ? spec.getReplicas() : gang.getMinAvailable();
    return definition(gang.getProvider()).map(definition -> {
      Map<String, Object> podGroupSpec = new LinkedHashMap<>();
      podGroupSpec.put("minMember", minMember);
      if (gang.getProvider() == GangProvider.COSCHEDULING) {
        podGroupSpec.put("scheduleTimeoutSeconds", SCHEDULE_TIMEOUT_SECONDS);
      } else {
        if (gang.getQueueName() != null && !gang.getQueueName().isEmpty()) {
          podGroupSpec.put("queue", gang.getQueueName());
        }
        String priority = spec.getScheduling().getPriorityClassName();
        if (priority != null && !priority.isEmpty()) {
          podGroupSpec.put("priorityClassName", priority);
        }
      }
      return new GenericKubernetesResourceBuilder()
          .withApiVersion(definition.getGroup() + "/" + definition.getVersion())
          .withKind(definition.getKind())
          .withMetadata(new ObjectMetaBuilder()
              .withName(name(training))
              .withNamespace(training.getMetadata().getNamespace())
              .withLabels(Labels.of(training.getMetadata().getName(), Labels.WORKER))
              .withOwnerReferences(Ownership.ownedBy(training))
              .build())
          .withAdditionalProperties(Map.of("spec", podGroupSpec))
          .build();
    });
  }
}
