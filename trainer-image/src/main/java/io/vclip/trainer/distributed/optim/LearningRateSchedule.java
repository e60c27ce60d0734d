package io.vclip.trainer.distributed.optim;

/** The base learning rate of each optimizer update (0-based update index, not micro-step). */
public interface LearningRateSchedule {

  double learningRate(long update);

  static LearningRateSchedule constant(double learningRate) {
    return update -> learningRate;
  }

  /** Linear warm-up then cosine decay, the X-CLIP recipe; see {@link WarmupCosineSchedule}. */
  static LearningRateSchedule warmupCosine(double peak, long warmupUpdates, long totalUpdates, double minRatio) {
    return new WarmupCosineSchedule(peak, warmupUpdates, totalUpdates, minRatio);
  }
}
