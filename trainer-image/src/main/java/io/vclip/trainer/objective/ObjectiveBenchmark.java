package io.vclip.trainer.objective;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;

/**
 * Times one objective step (forward and backward, FLOAT32, on random features) and the JVM part of
 * PCE alone, after a warm-up: the first steps of a JVM are 1.5–2× slower (STACK.md).
 */
public final class ObjectiveBenchmark {
  /** Mean milliseconds per step and per PCE fit, and the mean k TPCM kept. */
  public record Figures(double stepMillis, double pceFitMillis, double meanComponentsKept) {}

  private final ObjectiveConfig config;
  private final int batch;
  private final int dim;

  public ObjectiveBenchmark(ObjectiveConfig config, int batch, int dim) {
    this.config = config;
    this.batch = batch;
    this.dim = dim;
  }

  public Figures run(int warmup, int iterations) {
    VideoClipObjective objective = VideoClipObjective.local(config);
    int m = config.ddr().sequenceLength();
    int mh = config.hdr().sequenceLength();
    try (NDManager base = NDManager.newBaseManager()) {
      base.getEngine().setRandomSeed(7);
      NDArray video = base.randomNormal(new Shape(batch, dim));
      // Long and short captions near their video, so TPCM's targets look like a trained model's.
      NDArray longText = video.add(base.randomNormal(new Shape(batch, dim)).mul(0.5));
      NDArray shortText = video.add(base.randomNormal(new Shape(batch, dim)).mul(0.9));
      NDArray ddr = base.randomNormal(new Shape(batch, m, dim));
      NDArray hdr = base.randomNormal(new Shape(batch, mh, dim));
      NDArray logitScale = base.create(new float[] {(float) Math.log(1 / 0.07)});

      double keptSum = 0;
      long stepNanos = 0;
      for (int i = 0; i < warmup + iterations; i++) {
        try (NDManager step = base.newSubManager()) {
          ObjectiveInputs inputs = new ObjectiveInputs(
              leaf(video, step), leaf(longText, step), leaf(shortText, step),
              leaf(ddr, step), leaf(hdr, step), leaf(logitScale, step));
          long start = System.nanoTime();
          ObjectiveResult result;
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            result = objective.compute(inputs);
            collector.backward(result.total());
          }
          inputs.video().getGradient().close();
          if (i >= warmup) {
            stepNanos += System.nanoTime() - start;
            keptSum += Arrays.stream(result.tpcmComponents()).average().orElse(0);
          }
        }
      }

      NDArray unit = CosineSimilarity.unit(video).toType(DataType.FLOAT32, false);
      long fitNanos = 0;
      for (int i = 0; i < warmup + iterations; i++) {
        long start = System.nanoTime();
        PrincipalComponents.fit(unit);
        if (i >= warmup) {
          fitNanos += System.nanoTime() - start;
        }
      }
      return new Figures(stepNanos / 1e6 / iterations, fitNanos / 1e6 / iterations, keptSum / iterations);
    }
  }

  /** A copy owned by the step's manager, so every intermediate of the step is freed with it. */
  private static NDArray leaf(NDArray source, NDManager step) {
    NDArray copy = source.duplicate();
    copy.attach(step);
    copy.setRequiresGradient(true);
    return copy;
  }
}
