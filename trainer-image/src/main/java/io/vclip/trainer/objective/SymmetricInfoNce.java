package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import io.vclip.trainer.model.NativeScalar;

/**
 * L_CL(f_t, f_v) = 1/(2N) Σ_i (L^{t→v}_i + L^{v→t}_i) with CLIP's learnable temperature
 * (PAPER-NOTES §3), negatives taken from the global batch through a {@link FeatureGather}.
 *
 * <p>Global batch: each rank builds the full N×N logits from the gathered features (its own rows
 * attached, the others constant), so every rank's value is the global loss and the gradient reaching
 * its own features is exactly that rows' share of the global gradient — including the share from
 * other ranks' rows, where these features are negatives; a gather that only passes gradient to the
 * local part would lose that share under the "local rows only" formulation. Data-parallel training
 * then averages parameter gradients over W ranks, while each feature was differentiated on one rank
 * only, so the local rows' gradient is scaled by W (value unchanged) to make that average exact. The
 * logit scale is differentiated fully on every rank, and the average keeps it exact.
 *
 * <p>Prompted (pairwise) text features are a function of (text, video) pairs whose other-rank halves
 * are computed, and would have to be differentiated, on other ranks; they use the local batch.
 */
final class SymmetricInfoNce {
  /** CLIP clamps exp(logit_scale) at 100 so the logits cannot blow up. */
  static final double MAX_SCALE = 100;

  private final FeatureGather gather;

  SymmetricInfoNce(FeatureGather gather) {
    this.gather = gather;
  }

  /**
   * @param text {@code (B, D)} or prompted {@code (B, B, D)}, unnormalised
   * @param video {@code (B, D)}, unnormalised
   * @param logitScale size-1 array, log of the inverse temperature
   */
  NDArray loss(NDArray text, NDArray video, NDArray logitScale) {
    return contrast(text, CosineSimilarity.unit(video), logitScale);
  }

  /**
   * As {@link #loss}, but the video features enter as they are: Long-CLIP feeds its PCE
   * reconstruction of unit features to the logits without re-normalising it, so a coarser
   * reconstruction (shorter vector) also gives softer logits.
   */
  NDArray lossKeepingVideoNorm(NDArray text, NDArray video, NDArray logitScale) {
    return contrast(text, video, logitScale);
  }

  /**
   * As {@link #lossKeepingVideoNorm}, for features that are already the global batch
   * ({@link #global}); nothing is gathered again.
   */
  NDArray lossOfGlobal(NDArray textGlobal, NDArray videoGlobal, NDArray logitScale) {
    return fromSimilarity(CosineSimilarity.unit(textGlobal).matMul(videoGlobal.transpose()), logitScale);
  }

  /** This rank's {@code (B, ...)} rows stacked with every other rank's, gradient as for the contrastive term. */
  NDArray global(NDArray local, String what) {
    return gathered(local, what);
  }

  private NDArray contrast(NDArray text, NDArray video, NDArray logitScale) {
    if (!CosineSimilarity.isPairwise(text)) {
      return lossOfGlobal(gathered(text, "text"), gathered(video, "video"), logitScale);
    }
    return fromSimilarity(CosineSimilarity.unit(text).mul(video.expandDims(0)).sum(new int[] {2}), logitScale);
  }

  private NDArray fromSimilarity(NDArray similarity, NDArray logitScale) {
    NDArray scale = logitScale.exp().minimum(NativeScalar.like(logitScale, MAX_SCALE)).reshape();
    NDArray logits = similarity.mul(scale);
    int n = Math.toIntExact(logits.getShape().get(0));
    NDArray positives = logits.getManager().eye(n).toType(logits.getDataType(), false);
    NDArray textToVideo = logits.logSoftmax(1).mul(positives).sum().neg();
    NDArray videoToText = logits.logSoftmax(0).mul(positives).sum().neg();
    NDArray sum = textToVideo.add(videoToText);
    return sum.div(NativeScalar.like(sum, 2.0 * n));
  }

  private NDArray gathered(NDArray local, String what) {
    NDArray all = gather.gather(amplifyGradient(local));
    long expected = local.getShape().get(0) * gather.worldSize();
    if (all.getShape().get(0) != expected) {
      throw new IllegalStateException(
          "FeatureGather returned " + all.getShape().get(0) + " " + what + " rows; expected " + expected
              + " (world size " + gather.worldSize() + " x local batch " + local.getShape().get(0)
              + "; every rank must use the same batch size)");
    }
    return all;
  }

  /** Value x, gradient W·x: x + (W−1)·(x − stop(x)), whose second term is exactly zero in value. */
  private NDArray amplifyGradient(NDArray local) {
    int w = gather.worldSize();
    if (w == 1) {
      return local;
    }
    return local.add(local.sub(local.stopGradient()).mul(NativeScalar.like(local, w - 1)));
  }
}
