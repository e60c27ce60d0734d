package io.vclip.trainer.eval;

import java.util.List;

/**
 * How well a model orders descriptions that should be ranked by similarity in descending order
 * (LVDR p×q sets, held-out DDR and HDR sequences): the fraction of items whose whole order is right
 * and the fraction of correctly ordered pairs. Equal scores count as wrong (strict order required).
 */
public record RankingScores(int items, double fullyCorrect, double pairAccuracy) {

  /**
   * @param scores per item, the similarity of each description to its video, in the ground-truth
   *     order (index 0 should score highest)
   */
  public static RankingScores of(List<float[]> scores) {
    if (scores.isEmpty()) throw new IllegalArgumentException("no items to score");
    int full = 0;
    long goodPairs = 0;
    long pairs = 0;
    for (float[] s : scores) {
      if (s.length < 2) throw new IllegalArgumentException("an item needs at least 2 descriptions, got " + s.length);
      int itemGood = 0;
      int itemPairs = 0;
      for (int i = 0; i < s.length; i++) {
        for (int j = i + 1; j < s.length; j++) {
          itemPairs++;
          if (s[i] > s[j]) itemGood++;
        }
      }
      if (itemGood == itemPairs) full++;
      goodPairs += itemGood;
      pairs += itemPairs;
    }
    return new RankingScores(scores.size(), (double) full / scores.size(), (double) goodPairs / pairs);
  }

  /** The expected scores of random scoring for items of {@code p} descriptions: 1/p! and 1/2. */
  public static RankingScores chance(int p) {
    double factorial = 1;
    for (int i = 2; i <= p; i++) factorial *= i;
    return new RankingScores(0, 1 / factorial, 0.5);
  }
}
