package io.vclip.crds.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vclip.crds.v1alpha1.Preset;
import io.vclip.crds.v1alpha1.TpcmMode;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceYamlTest {

  private static final String MINIMAL = """
      apiVersion: vclip.io/v1alpha1
      kind: VideoClipTraining
      metadata: {name: tiny}
      spec:
        replicas: 2
        model: {preset: ViT-B/16}
        data: {synthetic: {videos: 10}}
      """;

  @Test
  void readsMultiDocumentFilesAndFillsJavaDefaults() {
    String text = MINIMAL + """
        ---
        apiVersion: vclip.io/v1alpha1
        kind: VideoClipEval
        metadata: {name: tiny-eval}
        spec:
          fromTraining: {name: tiny}
          data: {synthetic: {}}
        """;
    List<HasMetadata> resources = ResourceYaml.readAll(text, "test.yaml");
    assertThat(resources).hasSize(2);
    VideoClipTraining training = (VideoClipTraining) resources.get(0);
    assertThat(training.getMetadata().getName()).isEqualTo("tiny");
    assertThat(training.getSpec().getModel().getPreset()).isEqualTo(Preset.VIT_B_16);
    assertThat(training.getSpec().getModel().getFrames()).isEqualTo(8);
    assertThat(training.getSpec().getData().getSynthetic().getVideos()).isEqualTo(10);
    assertThat(training.getSpec().getData().getSynthetic().getFrameSize()).isEqualTo(32);
    assertThat(training.getSpec().getObjective().getTpcm().getMode()).isEqualTo(TpcmMode.ADAPTIVE);
    assertThat(training.getSpec().getOptimization().getBetas()).containsExactly(0.9, 0.98);
    VideoClipEval eval = (VideoClipEval) resources.get(1);
    assertThat(eval.getSpec().getFromTraining().isWaitForCompletion()).isTrue();
    assertThat(eval.getSpec().getBenchmarks()).hasSize(4);
  }

  @Test
  void writtenYamlReadsBackToTheSameSpec() {
    VideoClipTraining training = (VideoClipTraining) ResourceYaml.readAll(MINIMAL, "test.yaml").get(0);
    String written = ResourceYaml.write(training);
    assertThat(written).contains("apiVersion: vclip.io/v1alpha1").contains("preset: ViT-B/16").contains("globalBatchSize: 32");
    VideoClipTraining back = (VideoClipTraining) ResourceYaml.readAll(written, "written").get(0);
    assertThat(ResourceYaml.write(back)).isEqualTo(written);
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    String typo = MINIMAL.replace("replicas: 2", "replicas: 2\n  optimization: {maxStep: 10}");
    assertThatThrownBy(() -> ResourceYaml.readAll(typo, "typo.yaml"))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining("typo.yaml (document 1): spec.optimization.maxStep: unknown field")
        .hasMessageContaining("maxSteps");
  }

  @Test
  void badEnumValueListsTheAllowedOnes() {
    String bad = MINIMAL.replace("ViT-B/16", "ViT-H/14");
    assertThatThrownBy(() -> ResourceYaml.readAll(bad, "bad.yaml"))
        .hasMessageContaining("spec.model.preset: invalid value 'ViT-H/14'")
        .hasMessageContaining("tiny, ViT-B/32, ViT-B/16, ViT-L/14");
  }

  @Test
  void wrongKindOrVersionIsRejected() {
    assertThatThrownBy(() -> ResourceYaml.readAll(MINIMAL.replace("VideoClipTraining", "PyTorchJob"), "k.yaml"))
        .hasMessageContaining("kind: must be one of VideoClipEval, VideoClipTraining, got 'PyTorchJob'");
    assertThatThrownBy(() -> ResourceYaml.readAll(MINIMAL.replace("v1alpha1", "v1"), "v.yaml"))
        .hasMessageContaining("apiVersion: must be vclip.io/v1alpha1, got 'vclip.io/v1'");
  }
}
