package io.vclip.trainer.eval;

/**
 * Standard retrieval figures for one direction (text→video or video→text): recall at 1/5/10 in
 * percent, and the median and mean rank of the true match (1 = best).
 */
public record RetrievalMetrics(
    int queries, double recallAt1, double recallAt5, double recallAt10, double medianRank, double meanRank) {

  /** Folds 1-based ranks of the true matches into the figures. */
  public static RetrievalMetrics fromRanks(int[] ranks) {
    if (ranks.length == 0) {
      throw new IllegalArgumentException("no queries to evaluate");
    }
    int[] sorted = ranks.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    double sum = 0;
    int r1 = 0, r5 = 0, r10 = 0;
    for (int r : sorted) {
      sum += r;
      if (r <= 1) r1++;
      if (r <= 5) r5++;
      if (r <= 10) r10++;
    }
    return new RetrievalMetrics(n, 100.0 * r1 / n, 100.0 * r5 / n, 100.0 * r10 / n, median, sum / n);
  }

  /** What a model that ranks at random scores in expectation on {@code n} candidates, R@K = K/n. */
  public static RetrievalMetrics chance(int n) {
    return new RetrievalMetrics(n, 100.0 * Math.min(1, n) / n, 100.0 * Math.min(5, n) / n,
        100.0 * Math.min(10, n) / n, (n + 1) / 2.0, (n + 1) / 2.0);
  }
}
