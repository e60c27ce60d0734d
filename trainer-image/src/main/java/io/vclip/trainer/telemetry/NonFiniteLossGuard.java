package io.vclip.trainer.telemetry;

/**
 * Decides what to do with a step whose loss is NaN or infinite: skip it (no optimizer update) and count
 * it, unless it is the {@code maxConsecutive}-th such step in a row, which fails the run. One bad batch
 * (an fp overflow, a degenerate sample) should not kill a long run; a diverged model should.
 */
public final class NonFiniteLossGuard {
  private final int maxConsecutive;
  private final TrainerMetrics metrics;
  private int consecutive;

  public NonFiniteLossGuard(int maxConsecutive, TrainerMetrics metrics) {
    if (maxConsecutive < 1) throw new IllegalArgumentException("maxConsecutive must be >= 1, got " + maxConsecutive);
    this.maxConsecutive = maxConsecutive;
    this.metrics = metrics;
  }

  /**
   * @return true when the loss is finite and the step should be applied, false when it must be skipped
   * @throws NonFiniteLossException on the {@code maxConsecutive}-th non-finite loss in a row
   */
  public boolean accept(long step, double loss) {
    if (Double.isFinite(loss)) {
      consecutive = 0;
      return true;
    }
    consecutive++;
    metrics.nonFiniteLoss();
    if (consecutive >= maxConsecutive) {
      throw new NonFiniteLossException("the loss was " + loss + " at step " + step + ", non-finite for "
          + consecutive + " steps in a row (limit " + maxConsecutive + "): training diverged");
    }
    return false;
  }

  /** Non-finite losses in a row so far. */
  public int consecutive() {
    return consecutive;
  }
}
