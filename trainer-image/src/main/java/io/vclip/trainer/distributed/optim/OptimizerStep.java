package io.vclip.trainer.distributed.optim;

/**
 * What one call of {@link ShardedAdamW#step()} did.
 *
 * @param applied false while gradients are still accumulating, or when the update was skipped
 * @param nonFiniteGradient the global gradient norm was NaN/Inf: no parameter changed, gradients zeroed
 * @param updates updates taken so far
 * @param learningRate base learning rate of this update (before group multipliers)
 * @param gradientNorm global L2 norm of the (averaged) gradient before clipping
 * @param collectiveSeconds time in reduce-scatter, norm all-reduce and all-gather (the step-time
 *     split's "collectives")
 * @param optimizerSeconds the rest of the call: flattening, AdamW arithmetic, copying back, zeroing
 */
public record OptimizerStep(
    boolean applied,
    boolean nonFiniteGradient,
    long updates,
    double learningRate,
    double gradientNorm,
    double collectiveSeconds,
    double optimizerSeconds) {}
