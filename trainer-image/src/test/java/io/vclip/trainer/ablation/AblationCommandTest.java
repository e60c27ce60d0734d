package io.vclip.trainer.ablation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.trainer.cli.VclipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vclip ablation} end to end on a tiny budget: real local runs (worker processes, embedded S3,
 * evaluation of each final checkpoint), then the table and its JSON. Two of the six variants (the
 * first and the last of the ladder) keep the test short; AblationPlanTest covers all six specs and
 * AblationTableTest a six-row table.
 */
class AblationCommandTest {
  static final String SPEC = """
      apiVersion: vclip.io/v1alpha1
      kind: VideoClipTraining
      metadata: {name: tinyabl}
      spec:
        replicas: 1
        model: {preset: tiny, frames: 4, prompts: false}
        data:
          synthetic: {videos: 48, heldOutVideos: 12, frameSize: 32, seed: 5}
          shuffleBuffer: 16
          loaderThreads: 1
        objective:
          tpcm: {k: 2}
          ddr: {steps: 2}
          hdr: {steps: 2}
        optimization: {maxSteps: 20, globalBatchSize: 8, warmupSteps: 1, seed: 9}
        checkpoint:
          store: {bucket: vclip, prefix: runs}
          intervalSteps: 100
        runPolicy: {backoffLimit: 0}
      """;

  @TempDir Path tmp;

  @Test
  void variantsTrainAndEvaluateIntoOneTable() throws Exception {
    Path spec = tmp.resolve("abl.yaml");
    Files.writeString(spec, SPEC);
    Path out = tmp.resolve("out");
    StringWriter stdout = new StringWriter();
    var cli = VclipCommand.newCommandLine();
    cli.setOut(new PrintWriter(stdout, true));
    int code = cli.execute("ablation", spec.toString(), "--out", out.toString(), "--steps", "2",
        "--only", "full,contrastive");
    assertThat(code).as(stdout.toString()).isZero();

    // one progress line per variant start and end
    List<String> progress = stdout.toString().lines().filter(l -> l.startsWith("[")).toList();
    assertThat(progress).hasSize(4);
    assertThat(progress.get(0)).startsWith("[1/2] contrastive:");
    assertThat(progress.get(3)).startsWith("[2/2] full: done in");

    List<String> rows = Files.readAllLines(out.resolve(AblationTable.MARKDOWN)).stream()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| variant")).toList();
    assertThat(rows).extracting(l -> l.split("\\|")[1].strip())
        .containsExactly("contrastive", "full");
    // every figure cell holds a number: retrieval, ranking and loss all ran for every variant
    assertThat(rows).allSatisfy(r -> {
      String[] cells = r.split("\\|");
      for (int c = 3; c <= 12; c++) assertThat(cells[c].strip()).as(r).matches("[0-9.]+(%| s)?");
    });
    assertThat(stdout.toString()).contains("| full | full (TPCM + DDR + HDR) |");

    JsonNode json = new ObjectMapper().readTree(out.resolve(AblationTable.JSON).toFile());
    assertThat(json.path("setup").path("maxSteps").asInt()).isEqualTo(2);
    assertThat(json.path("rows")).hasSize(2);
    for (JsonNode row : json.path("rows")) {
      assertThat(row.path("textToVideoR1").asDouble(-1)).isBetween(0.0, 100.0);
      assertThat(row.path("lvdrPairAccuracy").asDouble(-1)).isBetween(0.0, 1.0);
      assertThat(row.path("finalLoss").asDouble(-1)).isPositive();
      Path results = out.resolve("runs").resolve(row.path("job").asText()).resolve("results.json");
      assertThat(results).exists();
    }
    // the rows that add a part logged it, the first did not: the variants really trained different objectives
    String firstLog = Files.readString(out.resolve("runs/tinyabl-contrastive/metrics.jsonl"));
    String fullLog = Files.readString(out.resolve("runs/tinyabl-full/metrics.jsonl"));
    assertThat(firstLog).doesNotContain("\"tpcm\"").doesNotContain("\"ddr\"");
    assertThat(fullLog).contains("\"tpcm\"").contains("\"ddr\"").contains("\"hdr\"");

    // a second run into the same folder would resume old checkpoints: refused, naming the folder
    StringWriter err = new StringWriter();
    var again = VclipCommand.newCommandLine();
    again.setErr(new PrintWriter(err, true));
    assertThat(again.execute("ablation", spec.toString(), "--out", out.toString(), "--only", "full")).isEqualTo(2);
    assertThat(err.toString()).startsWith("vclip: error: output folder").contains("--out");
  }

  @Test
  void badInputIsOneLineNamingTheFileOrField() throws Exception {
    StringWriter err = new StringWriter();
    var cli = VclipCommand.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("ablation", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.yaml").contains("does not exist");

    Path real = tmp.resolve("real.yaml");
    Files.writeString(real, SPEC.replace("synthetic: {videos: 48, heldOutVideos: 12, frameSize: 32, seed: 5}",
        "shards: s3://data/train/\n    evalShards: s3://data/eval/")
        .replace("prompts: false}", "prompts: false, tokenizer: {uri: s3://data/tok.json}}"));
    StringWriter err2 = new StringWriter();
    var cli2 = VclipCommand.newCommandLine();
    cli2.setErr(new PrintWriter(err2, true));
    assertThat(cli2.execute("ablation", real.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
    assertThat(err2.toString()).startsWith("vclip: error: spec.data.synthetic is required");
    assertThat(tmp.resolve("o")).doesNotExist();

    Path spec = tmp.resolve("abl.yaml");
    Files.writeString(spec, SPEC);
    StringWriter err3 = new StringWriter();
    var cli3 = VclipCommand.newCommandLine();
    cli3.setErr(new PrintWriter(err3, true));
    assertThat(cli3.execute("ablation", spec.toString(), "--only", "tpcm,bogus")).isEqualTo(2);
    assertThat(err3.toString()).contains("--only").contains("[bogus]").contains("pce-fixed-k");
  }
}
