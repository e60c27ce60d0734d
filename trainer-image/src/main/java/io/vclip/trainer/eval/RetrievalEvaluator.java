package io.vclip.trainer.eval;

/**
 * Ranks each query's true match in both directions while holding only a band of the similarity
 * matrix at a time ({@code chunk} × N floats), so 10,000 × 10,000 fits on a laptop.
 *
 * <p>Ties count against the model: the rank of the true match is 1 + the number of other
 * candidates whose score is greater than <em>or equal to</em> its score. A model that gives every
 * pair the same score therefore ranks every match last instead of first, so a degenerate encoder
 * can never look good.
 */
public final class RetrievalEvaluator {
  private final int chunk;

  public RetrievalEvaluator(int chunk) {
    if (chunk < 1) throw new IllegalArgumentException("chunk must be ≥ 1, got " + chunk);
    this.chunk = chunk;
  }

  /** Results of both directions. */
  public record Result(RetrievalMetrics textToVideo, RetrievalMetrics videoToText) {}

  public Result evaluate(SimilarityBlocks s) {
    if (s.texts() != s.videos()) {
      throw new IllegalArgumentException(
          "retrieval pairs text i with video i: needs as many texts as videos, got "
              + s.texts() + " texts and " + s.videos() + " videos");
    }
    return new Result(RetrievalMetrics.fromRanks(textToVideoRanks(s)), RetrievalMetrics.fromRanks(videoToTextRanks(s)));
  }

  /** For each text i, the rank of video i among all videos (rows of S). */
  public int[] textToVideoRanks(SimilarityBlocks s) {
    int n = s.texts();
    int[] ranks = new int[n];
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      float[][] band = s.block(from, to, 0, s.videos());
      for (int r = 0; r < to - from; r++) {
        ranks[from + r] = rankOf(band[r], from + r);
      }
    }
    return ranks;
  }

  /** For each video j, the rank of text j among all texts (columns of S). */
  public int[] videoToTextRanks(SimilarityBlocks s) {
    int n = s.videos();
    int[] ranks = new int[n];
    float[] column = new float[s.texts()];
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      float[][] band = s.block(0, s.texts(), from, to);
      for (int c = 0; c < to - from; c++) {
        for (int r = 0; r < column.length; r++) column[r] = band[r][c];
        ranks[from + c] = rankOf(column, from + c);
      }
    }
    return ranks;
  }

  private static int rankOf(float[] scores, int truth) {
    float target = scores[truth];
    int rank = 1;
    for (int j = 0; j < scores.length; j++) {
      if (j != truth && !(scores[j] < target)) rank++; // NaN scores also count against the model
    }
    return rank;
  }
}
