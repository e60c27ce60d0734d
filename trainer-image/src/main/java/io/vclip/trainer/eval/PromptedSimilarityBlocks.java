package io.vclip.trainer.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VideoFeatures;

/**
 * Similarities under X-CLIP video-specific prompting: text i's feature is first conditioned on
 * video j's visual tokens, so each block runs the prompt generator on every (text, video) pair of
 * the block. This is the N² cost docs/eval.md reports.
 */
final class PromptedSimilarityBlocks implements SimilarityBlocks {
  private final VideoClipModel model;
  private final ParameterStore ps;
  private final EncodedEvalSet set;

  PromptedSimilarityBlocks(VideoClipModel model, ParameterStore ps, EncodedEvalSet set) {
    this.model = model;
    this.ps = ps;
    this.set = set;
  }

  @Override
  public int texts() {
    return set.size();
  }

  @Override
  public int videos() {
    return set.size();
  }

  @Override
  public float[][] block(int rowFrom, int rowTo, int colFrom, int colTo) {
    try (NDManager scope = StepScope.open(set.videos().getManager(), model)) {
      NDIndex cols = new NDIndex("{}:{}", colFrom, colTo);
      NDArray video = set.videos().get(cols);
      video.attach(scope);
      NDArray tokens = set.promptTokens().get(cols);
      tokens.attach(scope);
      NDArray text = set.texts().get(new NDIndex("{}:{}", rowFrom, rowTo));
      text.attach(scope);
      NDArray prompted = model.promptPairwise(ps, text, new VideoFeatures(video, tokens), false); // (rows, cols, D)
      NDArray t = prompted.div(prompted.norm(new int[] {-1}, true));
      NDArray v = video.div(video.norm(new int[] {-1}, true)).expandDims(0);
      float[] flat = t.mul(v).sum(new int[] {-1}).toFloatArray();
      int n = colTo - colFrom;
      float[][] out = new float[rowTo - rowFrom][n];
      for (int r = 0; r < out.length; r++) System.arraycopy(flat, r * n, out[r], 0, n);
      return out;
    }
  }
}
