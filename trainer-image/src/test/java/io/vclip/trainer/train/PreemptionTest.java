package io.vclip.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.contract.ExitCodes;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.trainer.checkpoint.CheckpointStore;
import io.vclip.trainer.checkpoint.Manifest;
import io.vclip.trainer.cli.VclipCommand;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preemption as a kubelet does it: SIGTERM to a running {@code vclip train}. The rank stops at the
 * next step boundary, commits a checkpoint of that step, and exits with the PREEMPTED code.
 */
class PreemptionTest {
  @TempDir Path tmp;

  @Test
  void sigtermCommitsACheckpointAndExitsWithThePreemptedCode() throws Exception {
    Path spec = tmp.resolve("spec.yaml");
    Files.writeString(spec, """
        apiVersion: vclip.io/v1alpha1
        kind: VideoClipTraining
        metadata: {name: preempt}
        spec:
          replicas: 1
          model: {preset: tiny, frames: 4}
          data:
            synthetic: {videos: 32, heldOutVideos: 8, frameSize: 32, seed: 2}
            shuffleBuffer: 8
            loaderThreads: 1
          objective:
            ddr: {steps: 2}
            hdr: {steps: 2}
          optimization: {maxSteps: 100000, globalBatchSize: 4, warmupSteps: 1}
          checkpoint: {intervalSteps: 100000}
        """);
    Path out = tmp.resolve("out");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), VclipCommand.class.getName(), "train", "--spec", spec.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("train.log").toFile());
    pb.environment().putAll(java.util.Map.of(TrainerEnv.MASTER_ADDR, "127.0.0.1", TrainerEnv.MASTER_PORT, "29511",
        TrainerEnv.WORLD_SIZE, "1", TrainerEnv.RANK, "0", TrainerEnv.LOCAL_WORLD_SIZE, "1", TrainerEnv.RUN_ID, "r1",
        TrainerEnv.JOB, "preempt", TrainerEnv.OUTPUT_DIR, out.toString(), TrainerEnv.PROMETHEUS_PORT, "0",
        TrainerEnv.TERMINATION_LOG, tmp.resolve("termination.json").toString()));
    Process p = pb.start();
    Path metrics = out.resolve(TrainingRun.METRICS_LOG);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (lastStep(metrics) < 3 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
    assertThat(p.isAlive()).as(Files.readString(tmp.resolve("train.log"))).isTrue();

    p.destroy(); // SIGTERM
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("train.log"))).isEqualTo(ExitCodes.PREEMPTED);

    long stoppedAt = lastStep(metrics);
    CheckpointStore store = new CheckpointStore(new FileSystemObjectStore(out.resolve("store")), "preempt", 10);
    Manifest committed = store.latest().orElseThrow();
    // The interval is far away: this checkpoint exists only because of the signal, at the step it stopped.
    assertThat(committed.step()).isEqualTo(stoppedAt).isGreaterThanOrEqualTo(3);
    TerminationReport report = TerminationReport.parse(Files.readString(tmp.resolve("termination.json"))).orElseThrow();
    assertThat(report.step()).isEqualTo(stoppedAt);
    assertThat(report.checkpoint().uri()).contains("step-" + stoppedAt);
  }

  private static long lastStep(Path metrics) throws Exception {
    List<TrainingCurves.Point> points = TrainingCurves.read(metrics).points();
    return points.isEmpty() ? 0 : points.get(points.size() - 1).step();
  }
}
