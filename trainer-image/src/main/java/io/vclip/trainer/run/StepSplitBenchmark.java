package io.vclip.trainer.run;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.train.TrainingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Where a training step's time goes at a given world size: real {@code vclip train} ranks on this
 * machine (embedded S3, Gloo on loopback, the synthetic world), the same global batch at every
 * world size, and rank 0's per-phase seconds from its metrics log, averaged after a warm-up.
 */
public final class StepSplitBenchmark {
  /** Phases in the order a step runs them. */
  public static final List<String> PHASES = List.of("data_wait", "forward", "backward", "collectives", "optimizer");

  /** @param meanSeconds per phase, plus "step" for the whole step */
  public record Split(int world, int steps, Map<String, Double> meanSeconds, double samplesPerSecond) {
    public String render() {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "W=%d: step %.1f ms =", world,
          1e3 * meanSeconds.getOrDefault("step", Double.NaN)));
      for (int i = 0; i < PHASES.size(); i++) {
        line.append(String.format(Locale.ROOT, "%s %s %.1f", i == 0 ? "" : " +", PHASES.get(i).replace('_', ' '),
            1e3 * meanSeconds.getOrDefault(PHASES.get(i), 0.0)));
      }
      return line.append(String.format(Locale.ROOT, " ms; %.1f samples/s (rank 0, mean of %d steps)",
          samplesPerSecond, steps)).toString();
    }
  }

  private StepSplitBenchmark() {}

  /** The benchmark's training: the synthetic world, tiny-sized clips, every objective term, no eval. */
  public static VideoClipTraining training(String preset, int frames, int globalBatch, int steps) {
    return (VideoClipTraining) ResourceYaml.readAll("""
        apiVersion: vclip.io/v1alpha1
        kind: VideoClipTraining
        metadata: {name: bench-step-split}
        spec:
          replicas: 1
          model: {preset: %s, frames: %d}
          data:
            synthetic: {videos: %d, heldOutVideos: 0, frameSize: 32, seed: 5}
            loaderThreads: 1
          optimization: {maxSteps: %d, globalBatchSize: %d, warmupSteps: 1}
          checkpoint: {intervalSteps: 1000000}
        """.formatted(preset, frames, Math.max(4 * globalBatch, globalBatch * (steps + 1)), steps, globalBatch),
        "bench").get(0);
  }

  /**
   * Trains {@code training} on {@code world} local ranks and averages rank 0's phases over the steps
   * after {@code warmup}.
   *
   * @param workerCommand the rank command for a world of the given size (threads per rank differ)
   */
  public static Split measure(VideoClipTraining training, int world, int warmup, Path workDir,
      IntFunction<List<String>> workerCommand) throws Exception {
    training.getSpec().setReplicas(world);
    LocalRun.Result result = LocalRun.train(training, workDir.resolve("world-" + world), workerCommand.apply(world), 0,
        GroupPolicy.defaults(0));
    try (var server = result.server()) {
      if (!result.outcome().succeeded()) {
        throw new IllegalStateException("the W=" + world + " benchmark run failed: " + result.outcome().reason());
      }
    }
    List<TrainingCurves.Point> points = TrainingCurves.read(result.runDir().resolve(TrainingRun.METRICS_LOG)).points()
        .stream().filter(p -> p.step() > warmup).toList();
    if (points.isEmpty()) {
      throw new IllegalStateException("no steps after the " + warmup + " warm-up steps were logged");
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    double samplesPerSecond = 0;
    for (TrainingCurves.Point p : points) {
      double step = 0;
      for (String phase : PHASES) {
        double s = p.seconds().getOrDefault(phase, 0.0);
        mean.merge(phase, s / points.size(), Double::sum);
        step += s;
      }
      mean.merge("step", step / points.size(), Double::sum);
      samplesPerSecond += p.samplesPerSecond() / points.size();
    }
    return new Split(world, points.size(), mean, samplesPerSecond);
  }
}
