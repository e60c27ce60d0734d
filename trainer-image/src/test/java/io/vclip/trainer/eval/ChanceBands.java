package io.vclip.trainer.eval;

import java.util.List;

/**
 * How far from chance a scorer that knows nothing may land, for the tests that check "random ≈
 * chance". Each band is stated as a tail probability or a number of standard deviations so a test
 * names its tolerance instead of picking a number.
 */
final class ChanceBands {
  private ChanceBands() {}

  /**
   * The smallest k with P(X > k) < tail for X ~ Binomial(n, p), summed exactly: hits at K of N
   * queries whose true match has a uniform rank are Binomial(N, K/N), and for small N·p the normal
   * approximation would put the band too low.
   */
  static int binomialUpper(int n, double p, double tail) {
    double[] pmf = new double[n + 1];
    double logQ = Math.log1p(-p);
    double log = n * logQ; // log P(X = 0)
    pmf[0] = Math.exp(log);
    for (int k = 1; k <= n; k++) {
      log += Math.log((double) (n - k + 1) / k) + Math.log(p) - logQ;
      pmf[k] = Math.exp(log);
    }
    double above = 0;
    for (int k = n; k >= 0; k--) {
      if (above + pmf[k] >= tail) return k;
      above += pmf[k];
    }
    return 0;
  }

  /** Standard deviation of the mean of n independent uniform ranks in 1..n: sqrt((n²−1)/12 / n). */
  static double meanRankSigma(int n) {
    return Math.sqrt((n * (double) n - 1) / 12 / n);
  }

  /**
   * Standard deviation of the pair accuracy of a random encoder over items whose descriptions are
   * cumulative edits (each DDR/HDR step adds one edit to the previous text). Such an encoder does
   * not score the p texts of an item as an exchangeable random permutation: each edit moves the
   * text feature, hence the score, by a further amount of random sign, so the scores drift like a
   * random walk s_k = x_1 + … + x_k with independent symmetric steps. A pair (i, j) is ordered
   * correctly when the step sum over (i, j] is negative; two such indicators over intervals sharing
   * o steps, of lengths a and b, have covariance arcsin(o/√(ab))/(2π) (Sheppard's formula for
   * Gaussian steps). That makes the pairs of an item positively correlated: for p = 4 the variance
   * of its correct-pair count is 3.86 instead of the permutation's 2.17, and the chance of a fully
   * correct item is 1/8 instead of 1/24. Items are independent.
   *
   * @param lengths the number of descriptions p of each scored item
   */
  static double randomWalkPairAccuracySigma(List<Integer> lengths) {
    double variance = 0;
    double pairs = 0;
    for (int p : lengths) {
      List<int[]> intervals = new java.util.ArrayList<>();
      for (int i = 0; i < p; i++) for (int j = i + 1; j < p; j++) intervals.add(new int[] {i, j});
      pairs += intervals.size();
      for (int[] x : intervals) {
        for (int[] y : intervals) {
          int overlap = Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
          variance += Math.asin(overlap / Math.sqrt((double) (x[1] - x[0]) * (y[1] - y[0]))) / (2 * Math.PI);
        }
      }
    }
    return Math.sqrt(variance) / pairs;
  }
}
