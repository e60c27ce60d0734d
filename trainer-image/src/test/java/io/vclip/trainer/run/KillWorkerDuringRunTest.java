package io.vclip.trainer.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.cli.VclipCommand;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.train.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end with real worker processes over Gloo: a worker is killed (SIGKILL)
 * after the first checkpoint committed; the group restarts with a new run id, resumes from the last
 * committed checkpoint, and completes — losing no more than one checkpoint interval of steps.
 */
class KillWorkerDuringRunTest {
  static final int INTERVAL = 5;
  static final int MAX_STEPS = 40;

  @TempDir Path tmp;

  @Test
  void killingAWorkerEndsInACompletedRunThatLostAtMostOneInterval() throws Exception {
    VideoClipTraining training = (VideoClipTraining) ResourceYaml.readAll("""
        apiVersion: vclip.io/v1alpha1
        kind: VideoClipTraining
        metadata: {name: killtest}
        spec:
          replicas: 2
          model: {preset: tiny, frames: 4}
          data:
            synthetic: {videos: 64, heldOutVideos: 8, frameSize: 32, seed: 3}
            shuffleBuffer: 16
            loaderThreads: 1
          objective:
            ddr: {steps: 2}
            hdr: {steps: 2}
          optimization: {maxSteps: %d, globalBatchSize: 8, warmupSteps: 1}
          checkpoint:
            store: {bucket: vclip, prefix: runs}
            intervalSteps: %d
            keepLast: 10
        """.formatted(MAX_STEPS, INTERVAL), "test").get(0);
    List<String> worker = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"),
        VclipCommand.class.getName(), "train");
    GroupPolicy policy = new GroupPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(15));
    CompletableFuture<LocalRun.Result> run = CompletableFuture.supplyAsync(() -> {
      try {
        return LocalRun.train(training, tmp, worker, 0, policy);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });

    Path metrics = tmp.resolve("runs/killtest").resolve(TrainingRun.METRICS_LOG);
    long killedAt = -1;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
    while (killedAt < 0 && System.nanoTime() < deadline && !run.isDone()) {
      long step = lastLoggedStep(metrics);
      if (step > INTERVAL && committedManifests() > 0) {
        Optional<ProcessHandle> victim = ProcessHandle.current().children()
            .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst(); // every java child is a worker
        if (victim.isPresent()) {
          killedAt = lastLoggedStep(metrics);
          victim.get().destroyForcibly();
        }
      }
      Thread.sleep(50);
    }
    if (killedAt < 0 && run.isDone()) {
      LocalRun.Result early = run.get(); // rethrows what ended the run, if anything did
      early.server().close();
      throw new AssertionError("the run ended before a worker could be killed: " + early.outcome());
    }
    assertThat(killedAt).as("a worker was killed mid-run").isPositive().isLessThan(MAX_STEPS);

    LocalRun.Result result = run.get(10, TimeUnit.MINUTES);
    result.server().close();
    assertThat(result.outcome().succeeded()).as(result.outcome().reason()).isTrue();
    assertThat(result.outcome().attempts()).isGreaterThanOrEqualTo(2);
    assertThat(lastLoggedStep(metrics)).isEqualTo(MAX_STEPS);
    long resumedFrom = resumedStep(tmp.resolve("runs/killtest/logs"));
    System.out.printf("killed at step %d, the restarted group resumed from step %d (interval %d)%n",
        killedAt, resumedFrom, INTERVAL);
    assertThat(resumedFrom).isPositive();
    assertThat(killedAt - resumedFrom).isLessThanOrEqualTo(INTERVAL);
  }

  private long committedManifests() throws Exception {
    Path s3 = tmp.resolve("s3");
    if (!Files.exists(s3)) return 0;
    try (Stream<Path> files = Files.walk(s3)) {
      return files.filter(p -> p.getFileName().toString().equals("manifest.json")).count();
    }
  }

  private static long lastLoggedStep(Path metrics) throws Exception {
    List<TrainingCurves.Point> points = TrainingCurves.read(metrics).points();
    return points.isEmpty() ? 0 : points.get(points.size() - 1).step();
  }

  /** The step the restarted group's rank 0 resumed from, read from its log. */
  private static long resumedStep(Path logs) throws Exception {
    Pattern resumed = Pattern.compile("resumed from step (\\d+)");
    long best = -1;
    try (Stream<Path> files = Files.list(logs)) {
      for (Path log : files.filter(p -> p.getFileName().toString().endsWith("rank-0.log")).toList()) {
        Matcher m = resumed.matcher(Files.readString(log));
        while (m.find()) best = Math.max(best, Long.parseLong(m.group(1)));
      }
    }
    return best;
  }
}
