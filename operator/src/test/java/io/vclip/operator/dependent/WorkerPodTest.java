package io.vclip.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vclip.crds.v1alpha1.GangProvider;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerPodTest {

  private static VideoClipTraining example(String file) {
    VideoClipTraining training = ResourceYaml.read(Path.of("..", "examples", file), VideoClipTraining.class);
    training.getMetadata().setNamespace("research");
    training.getMetadata().setUid("6f1c2b9e-0000-4000-8000-000000000001");
    return training;
  }

  @Test
  void gpuPodsGetGpuLimitsLocalWorldSizeAndTheGangAndQueueLabels() {
    VideoClipTraining training = example("vit-b16-4x8.yaml");
    Pod pod = WorkerPod.desired(training, "6f1c2b9e-3", 3);
    var container = pod.getSpec().getContainers().get(0);
    assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("8"))
        .containsEntry("memory", new Quantity("480Gi"));
    assertThat(container.getResources().getRequests()).doesNotContainKey("nvidia.com/gpu");
    assertThat(container.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("LOCAL_WORLD_SIZE");
      assertThat(e.getValue()).isEqualTo("8");
    });
    assertThat(container.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("AWS_SECRET_ACCESS_KEY");
      assertThat(e.getValue()).isNull();
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("minio-creds");
      assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secretKey");
    });
    assertThat(container.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(container.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry(Labels.COSCHEDULING_POD_GROUP, "vit-b16-vild")
        .containsEntry(Labels.KUEUE_QUEUE, "gpu-research")
        .containsEntry(Labels.KUEUE_POD_GROUP, "vit-b16-vild-6f1c2b9e-3")
        .containsEntry(Labels.RANK, "3");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry(Labels.KUEUE_POD_GROUP_TOTAL, "4");
    assertThat(pod.getSpec().getSchedulerName()).isEqualTo("scheduler-plugins-scheduler");
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("training-high");
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3");
    assertThat(pod.getSpec().getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
    assertThat(pod.getSpec().getHostname()).isEqualTo("vit-b16-vild-worker-3");
    assertThat(pod.getSpec().getSubdomain()).isEqualTo("vit-b16-vild");
  }

  @Test
  void cpuPodsHaveNoGpuLimitAndNoGangLabels() {
    Pod pod = WorkerPod.desired(example("quickstart.yaml"), "r-1", 0);
    var container = pod.getSpec().getContainers().get(0);
    assertThat(container.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
    assertThat(pod.getMetadata().getLabels()).doesNotContainKeys(Labels.COSCHEDULING_POD_GROUP, Labels.KUEUE_QUEUE);
    assertThat(pod.getSpec().getSchedulerName()).isNull();
    assertThat(pod.getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("quickstart-spec"));
  }

  @Test
  void podGroupFollowsTheProvider() {
    VideoClipTraining training = example("vit-b16-4x8.yaml");
    var coscheduling = PodGroupManifest.desired(training).orElseThrow();
    assertThat(coscheduling.getApiVersion()).isEqualTo("scheduling.x-k8s.io/v1alpha1");
    assertThat(coscheduling.getAdditionalProperties().get("spec")).isEqualTo(Map.of("minMember", 4, "scheduleTimeoutSeconds", 600));

    training.getSpec().getRunPolicy().getGang().setProvider(GangProvider.VOLCANO);
    training.getSpec().getRunPolicy().getGang().setMinAvailable(3);
    var volcano = PodGroupManifest.desired(training).orElseThrow();
    assertThat(volcano.getApiVersion()).isEqualTo("scheduling.volcano.sh/v1beta1");
    assertThat(volcano.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("minMember", 3, "queue", "gpu-research", "priorityClassName", "training-high"));
    Pod pod = WorkerPod.desired(training, "r-1", 0);
    assertThat(pod.getMetadata().getAnnotations()).containsEntry(Labels.VOLCANO_POD_GROUP, "vit-b16-vild");
    assertThat(pod.getSpec().getSchedulerName()).isEqualTo("scheduler-plugins-scheduler");

    training.getSpec().getRunPolicy().getGang().setProvider(GangProvider.NONE);
    assertThat(PodGroupManifest.desired(training)).isEmpty();
  }
}
