package io.vclip.trainer.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Cosine similarities of precomputed text and video features (no prompts): each block is one
 * matrix product of L2-normalised feature slices, done by the engine's math library.
 */
public final class FeatureSimilarityBlocks implements SimilarityBlocks {
  private final NDArray texts;
  private final NDArray videos;

  /** @param texts (Nt, D) and @param videos (Nv, D) features; normalised here, the inputs are untouched. */
  public FeatureSimilarityBlocks(NDArray texts, NDArray videos) {
    if (texts.getShape().dimension() != 2 || videos.getShape().dimension() != 2
        || texts.getShape().get(1) != videos.getShape().get(1)) {
      throw new IllegalArgumentException("features must be (N, D) with the same D, got texts "
          + texts.getShape() + " and videos " + videos.getShape());
    }
    this.texts = normalise(texts);
    this.videos = normalise(videos);
  }

  private static NDArray normalise(NDArray x) {
    return x.div(x.norm(new int[] {1}, true).maximum(1e-12f));
  }

  @Override
  public int texts() {
    return (int) texts.getShape().get(0);
  }

  @Override
  public int videos() {
    return (int) videos.getShape().get(0);
  }

  @Override
  public float[][] block(int rowFrom, int rowTo, int colFrom, int colTo) {
    try (NDManager scope = texts.getManager().newSubManager()) {
      NDArray t = texts.get(new NDIndex("{}:{}", rowFrom, rowTo));
      NDArray v = videos.get(new NDIndex("{}:{}", colFrom, colTo));
      t.attach(scope);
      v.attach(scope);
      float[] flat = t.matMul(v.transpose()).toFloatArray();
      int cols = colTo - colFrom;
      float[][] out = new float[rowTo - rowFrom][cols];
      for (int r = 0; r < out.length; r++) System.arraycopy(flat, r * cols, out[r], 0, cols);
      return out;
    }
  }
}
