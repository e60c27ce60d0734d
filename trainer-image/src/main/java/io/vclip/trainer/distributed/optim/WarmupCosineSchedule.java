package io.vclip.trainer.distributed.optim;

/**
 * Linear warm-up from peak/warmup to peak over {@code warmupUpdates}, then a half cosine from peak
 * down to {@code minRatio × peak} at {@code totalUpdates}, constant after that.
 */
public record WarmupCosineSchedule(double peak, long warmupUpdates, long totalUpdates, double minRatio)
    implements LearningRateSchedule {

  public WarmupCosineSchedule {
    if (!(peak > 0)) {
      throw new IllegalArgumentException("learning rate " + peak + " must be positive");
    }
    if (warmupUpdates < 0 || totalUpdates < 1 || warmupUpdates > totalUpdates) {
      throw new IllegalArgumentException("need 0 ≤ warmup (" + warmupUpdates + ") ≤ total updates ("
          + totalUpdates + "), total ≥ 1");
    }
    if (minRatio < 0 || minRatio > 1) {
      throw new IllegalArgumentException("minimum learning-rate ratio " + minRatio + " must be in [0, 1]");
    }
  }

  @Override
  public double learningRate(long update) {
    if (update < warmupUpdates) {
      // Update 0 already moves the weights, so warm-up starts at peak/warmup rather than at 0.
      return peak * (update + 1) / warmupUpdates;
    }
    long decayUpdates = totalUpdates - warmupUpdates;
    double progress = decayUpdates == 0 ? 1 : Math.min(1.0, (double) (update - warmupUpdates) / decayUpdates);
    double floor = peak * minRatio;
    return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
