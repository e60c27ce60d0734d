package io.vclip.trainer.distributed.optim;

import io.vclip.trainer.distributed.ReduceOp;

/**
 * Hyper-parameters of {@link ShardedAdamW}.
 *
 * @param weightDecay decoupled (Loshchilov &amp; Hutter): p ← p − lr·wd·p, not added to the gradient
 * @param maxGradNorm clip the global gradient norm to this; 0 turns clipping off
 * @param accumulationSteps micro-batches whose gradients are summed (and averaged) into one update
 * @param gradientReduction AVG (as DDP does) for the VideoClip objective: it scales its local rows'
 *     gradient by W so that the average over ranks is the global-batch gradient (docs/objective.md);
 *     SUM for a loss whose per-rank gradients already add up to the global one
 */
public record AdamWSettings(
    double beta1,
    double beta2,
    double epsilon,
    double weightDecay,
    double maxGradNorm,
    int accumulationSteps,
    ReduceOp gradientReduction) {

  public AdamWSettings {
    if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
      throw new IllegalArgumentException("AdamW betas (" + beta1 + ", " + beta2 + ") must be in [0, 1)");
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("AdamW epsilon " + epsilon + " must be positive");
    }
    if (weightDecay < 0 || maxGradNorm < 0) {
      throw new IllegalArgumentException("weight decay (" + weightDecay + ") and max gradient norm ("
          + maxGradNorm + ") must not be negative");
    }
    if (accumulationSteps < 1) {
      throw new IllegalArgumentException("gradient accumulation steps " + accumulationSteps + " must be ≥ 1");
    }
  }

  /** X-CLIP's reference defaults: betas (0.9, 0.98), eps 1e-8, weight decay 0.001; clip at 1.0; average. */
  public static AdamWSettings xclipDefaults() {
    return new AdamWSettings(0.9, 0.98, 1e-8, 0.001, 1.0, 1, ReduceOp.AVG);
  }

  public AdamWSettings withWeightDecay(double value) {
    return new AdamWSettings(beta1, beta2, epsilon, value, maxGradNorm, accumulationSteps, gradientReduction);
  }

  public AdamWSettings withMaxGradNorm(double value) {
    return new AdamWSettings(beta1, beta2, epsilon, weightDecay, value, accumulationSteps, gradientReduction);
  }

  public AdamWSettings withAccumulationSteps(int value) {
    return new AdamWSettings(beta1, beta2, epsilon, weightDecay, maxGradNorm, value, gradientReduction);
  }

  public AdamWSettings withGradientReduction(ReduceOp value) {
    return new AdamWSettings(beta1, beta2, epsilon, weightDecay, maxGradNorm, accumulationSteps, value);
  }
}
