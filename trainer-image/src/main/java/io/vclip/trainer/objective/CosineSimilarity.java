package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;

/**
 * L2 normalisation and the per-sample cosine similarities. The losses normalise here, so callers may
 * pass raw (unnormalised) features.
 */
final class CosineSimilarity {
  private CosineSimilarity() {}

  /** Unit rows along the last axis. */
  static NDArray unit(NDArray features) {
    return features.normalize(2, features.getShape().dimension() - 1);
  }

  /** {@code (B, m)}: each of a sample's m descriptions {@code (B, m, D)} against its own video {@code (B, D)}. */
  static NDArray sequence(NDArray descriptions, NDArray video) {
    return unit(descriptions).mul(unit(video).expandDims(1)).sum(new int[] {2});
  }

  /**
   * {@code (B)}: cos(a_i, b_i) for two text features of the same sample; for prompted features the
   * sample's own pair (i, i) is used, the one the sample's video conditioned.
   */
  static NDArray matched(NDArray a, NDArray b) {
    return unit(ownPair(a)).mul(unit(ownPair(b))).sum(new int[] {1});
  }

  static boolean isPairwise(NDArray text) {
    return text.getShape().dimension() == 3;
  }

  private static NDArray ownPair(NDArray text) {
    if (!isPairwise(text)) {
      return text;
    }
    int b = Math.toIntExact(text.getShape().get(0));
    NDArray diagonal = text.getManager().eye(b).toType(text.getDataType(), false).expandDims(2);
    return text.mul(diagonal).sum(new int[] {1});
  }
}
