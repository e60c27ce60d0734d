package io.vclip.trainer.eval;

/** Recall@K for K = 1 … maxK (percent), the curve a retrieval plot draws. */
public record RecallCurve(double[] recallAtK) {
  public static RecallCurve fromRanks(int[] ranks, int maxK) {
    int kMax = Math.max(1, Math.min(maxK, ranks.length));
    int[] hitsAtRank = new int[kMax + 1];
    for (int r : ranks) if (r <= kMax) hitsAtRank[r]++;
    double[] curve = new double[kMax];
    int cumulative = 0;
    for (int k = 1; k <= kMax; k++) {
      cumulative += hitsAtRank[k];
      curve[k - 1] = 100.0 * cumulative / ranks.length;
    }
    return new RecallCurve(curve);
  }
}
