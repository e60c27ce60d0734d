package io.vclip.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.XClipConfig;
import io.vclip.trainer.model.weights.HfClipImportTest;
import io.vclip.trainer.model.weights.SafetensorsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = VclipCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void infoPrintsTheArchitectureAndPublishedTowerCounts() {
    assertThat(run("model", "info", "--preset", "ViT-B/32")).isZero();
    assertThat(out.toString())
        .contains("model ViT-B/32, 8 frames")
        .contains("patch 32 (49 patches + [CLS])")
        .containsPattern("vision tower +87,849,216")
        .containsPattern("text tower +63,515,648")
        .containsPattern("X-CLIP additions +[0-9,]+")
        .containsPattern("logit scale +1\\b");
  }

  @Test
  void infoOnAnUnknownPresetIsAOneLineUserError() {
    assertThat(run("model", "info", "--preset", "ViT-X/1")).isEqualTo(2);
    assertThat(err.toString()).startsWith("vclip: error: model preset: unknown name 'ViT-X/1'");
  }

  @Test
  void importConvertsAnHfFileAndTheResultLoadsAsOurFormat() throws Exception {
    Path hf = dir.resolve("hf.safetensors");
    try (NDManager m = NDManager.newBaseManager()) {
      var clip = ModelPresets.tiny(8, ModelPresets.TINY_VOCAB).withXClip(XClipConfig.off(8));
      SafetensorsFile.write(hf, HfClipImportTest.hfLayoutOf(new VideoClipModel(clip).initialize(m), m));
    }
    Path ours = dir.resolve("ours.safetensors");
    int code = run("model", "import", "--format", "hf-clip", "--preset", "tiny", "--in", hf.toString(), "--out", ours.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("0 missing, 0 unexpected, 0 mis-shaped").contains("message_fc").contains("wrote " + ours);
    assertThat(Files.size(ours)).isGreaterThan(0);

    Path again = dir.resolve("again.safetensors");
    assertThat(run("model", "import", "--format", "vclip", "--preset", "tiny", "--in", ours.toString(), "--out", again.toString())).isZero();
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(ours));
  }

  @Test
  void importOfAFileForAnotherPresetWritesNothingAndNamesTheProblem() throws Exception {
    Path hf = dir.resolve("hf.safetensors");
    try (NDManager m = NDManager.newBaseManager()) {
      var clip = ModelPresets.tiny(8, ModelPresets.TINY_VOCAB).withXClip(XClipConfig.off(8));
      SafetensorsFile.write(hf, HfClipImportTest.hfLayoutOf(new VideoClipModel(clip).initialize(m), m));
    }
    Path ours = dir.resolve("ours.safetensors");
    int code = run("model", "import", "--format", "openai-clip", "--preset", "tiny", "--in", hf.toString(), "--out", ours.toString());
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).contains("visual.conv1.weight (for vision.conv1.weight)");
    assertThat(err.toString()).contains("vclip: error: import: " + hf).contains("nothing written");
    assertThat(ours).doesNotExist();
  }

  @Test
  void importOfAMissingFileNamesIt() {
    Path nope = dir.resolve("nope.safetensors");
    assertThat(run("model", "import", "--format", "xclip", "--preset", "tiny", "--in", nope.toString(), "--out", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("file not found: " + nope);
  }
}
