package io.vclip.trainer.eval;

/** A similarity matrix given whole, for tests. */
record ArraySimilarity(float[][] s) implements SimilarityBlocks {
  @Override
  public int texts() {
    return s.length;
  }

  @Override
  public int videos() {
    return s[0].length;
  }

  @Override
  public float[][] block(int rowFrom, int rowTo, int colFrom, int colTo) {
    float[][] out = new float[rowTo - rowFrom][colTo - colFrom];
    for (int r = rowFrom; r < rowTo; r++) System.arraycopy(s[r], colFrom, out[r - rowFrom], 0, colTo - colFrom);
    return out;
  }
}
