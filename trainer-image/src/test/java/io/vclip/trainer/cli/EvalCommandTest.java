package io.vclip.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.run.GroupPolicy;
import io.vclip.trainer.run.LocalRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vclip eval} as the operator's eval Job runs it: a separate process, a checkpoint in a real
 * S3 server (S3Proxy) written by a real training, credentials from the environment.
 */
class EvalCommandTest {
  @TempDir Path tmp;

  @Test
  void evalOnACheckpointInS3WritesResultsAndReport() throws Exception {
    VideoClipTraining training = (VideoClipTraining) ResourceYaml.readAll("""
        apiVersion: vclip.io/v1alpha1
        kind: VideoClipTraining
        metadata: {name: evaljob}
        spec:
          replicas: 1
          model: {preset: tiny, frames: 4}
          data:
            synthetic: {videos: 32, heldOutVideos: 12, frameSize: 32, seed: 5}
            shuffleBuffer: 8
            loaderThreads: 1
          objective:
            ddr: {steps: 2}
            hdr: {steps: 2}
          optimization: {maxSteps: 3, globalBatchSize: 8, warmupSteps: 1}
          checkpoint:
            store: {bucket: vclip, prefix: runs}
            intervalSteps: 3
        """, "test").get(0);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    LocalRun.Result trained = LocalRun.train(training, tmp.resolve("work"),
        List.of(java, "-cp", cp, VclipCommand.class.getName(), "train"), 0, GroupPolicy.defaults(0));
    try (var server = trained.server()) {
      assertThat(trained.outcome().succeeded()).as(trained.outcome().reason()).isTrue();
      Path out = tmp.resolve("eval-out");
      List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, VclipCommand.class.getName(), "eval",
          "--checkpoint", "s3://vclip/runs/evaljob/step-3/", "--out", out.toString()));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("eval.log").toFile());
      pb.environment().putAll(server.settings().toEnv());
      pb.environment().put(TrainerEnv.TERMINATION_LOG, tmp.resolve("termination.json").toString());
      Process p = pb.start();
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(tmp.resolve("eval.log"))).isZero();

      JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
      assertThat(results.path("schema").asText()).isEqualTo("vclip.io/eval-results/v1");
      assertThat(results.path("checkpoint").asText()).endsWith("evaljob/step-3/");
      assertThat(results.path("retrieval").path("pairs").asInt()).isEqualTo(12);
      double r1 = results.path("retrieval").path("textToVideo").path("recallAt1").asDouble();
      assertThat(r1).isBetween(0.0, 100.0);
      assertThat(results.path("ddr").path("items").asInt()).isEqualTo(12);
      assertThat(Files.readString(out.resolve("report.html"))).contains("Recall@K").contains("text → video");
      // The operator reads the summary back from the termination message.
      assertThat(Files.readString(tmp.resolve("termination.json"))).contains("textToVideoR1");
    }
  }

  @Test
  void aCheckpointThatIsNotVclipsIsOneClearError() {
    var cli = VclipCommand.newCommandLine();
    var err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err));
    assertThat(cli.execute("eval", "--checkpoint", tmp.resolve("nothing/job/step-1/").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("training.yaml");
  }
}
