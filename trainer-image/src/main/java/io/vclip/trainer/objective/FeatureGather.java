package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;

/**
 * Collects every rank's rows of a feature matrix so that contrastive negatives come from the global
 * batch.
 *
 * <p>Contract: every rank calls {@link #gather} in the same order with a {@code (B, ...)} array of the
 * same shape; the result is {@code (worldSize * B, ...)} in rank order, and its rows {@code [rank * B,
 * (rank + 1) * B)} are {@code local} itself (concatenated, so the gradient reaches it) while the other
 * rows are constants. Create those rows in {@code local.getManager()}, so that closing the step's
 * manager frees them and everything computed from them. DJL has no custom backward, so the gather
 * cannot send gradient to other ranks; {@link SymmetricInfoNce} is written so that it does not need
 * to (see docs/objective.md).
 *
 * <p>Per step the objective gathers, in this order: unit long-text and video features (contrastive
 * part), then unit short-text features and the PCE reconstruction (TPCM), each part only when
 * enabled and its text is not prompted.
 */
public interface FeatureGather {
  NDArray gather(NDArray local);

  int rank();

  int worldSize();
}
