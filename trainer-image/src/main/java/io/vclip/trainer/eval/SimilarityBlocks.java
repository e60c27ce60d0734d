package io.vclip.trainer.eval;

/**
 * A text × video similarity matrix S that is never held whole: callers ask for blocks. Row i is
 * text i, column j is video j, and text i describes video i. With X-CLIP video-specific prompts a
 * text's feature depends on the video, so a block is real work, not a slice of a stored matrix.
 */
public interface SimilarityBlocks {
  int texts();

  int videos();

  /** S[rowFrom..rowTo) × [colFrom..colTo), row-major: result[r][c] = S[rowFrom + r][colFrom + c]. */
  float[][] block(int rowFrom, int rowTo, int colFrom, int colTo);
}
