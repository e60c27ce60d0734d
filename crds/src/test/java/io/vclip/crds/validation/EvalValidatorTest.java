package io.vclip.crds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.v1alpha1.CheckpointSource;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.yaml.ResourceYaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalValidatorTest {

  private static VideoClipEval example() {
    return ResourceYaml.read(Path.of("..", "examples", "lvdr-eval.yaml"), VideoClipEval.class);
  }

  private static List<String> errors(VideoClipEval eval) {
    return EvalValidator.validate(eval, Target.CLUSTER).stream().map(FieldError::toString).toList();
  }

  @Test
  void exampleIsValid() {
    assertThat(errors(example())).isEmpty();
  }

  @Test
  void needsExactlyOneCheckpointSource() {
    VideoClipEval eval = example();
    CheckpointSource explicit = new CheckpointSource();
    explicit.setUri("s3://vclip/runs/quickstart/step-300/");
    eval.getSpec().setCheckpoint(explicit);
    assertThat(errors(eval)).containsExactly("spec: exactly one of checkpoint and fromTraining must be set");
    eval.getSpec().setFromTraining(null);
    assertThat(errors(eval)).isEmpty();
    explicit.setUri("/tmp/ckpt");
    assertThat(errors(eval)).containsExactly(
        "spec.checkpoint.uri: must be an s3:// URI on a cluster (pods do not see local paths), got '/tmp/ckpt'");
  }

  @Test
  void benchmarksAndLvdrLevelsAreChecked() {
    VideoClipEval eval = example();
    eval.getSpec().setBenchmarks(List.of());
    eval.getSpec().getLvdr().setQ(List.of(1, 0));
    assertThat(errors(eval)).containsExactly(
        "spec.benchmarks: must list at least one of retrieval, lvdr, ddr, hdr",
        "spec.lvdr.q[1]: must be at least 1, got 0");
  }
}
