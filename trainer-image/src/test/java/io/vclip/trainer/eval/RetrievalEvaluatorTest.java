package io.vclip.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTest {
  // Rows are texts, columns videos; the truth is the diagonal.
  // text 0: truth 0.9 is the best            → rank 1
  // text 1: 0.8 and 0.7 beat the truth 0.5   → rank 3
  // text 2: truth 0.4 second after 0.6       → rank 2
  static final float[][] S = {
    {0.9f, 0.1f, 0.2f},
    {0.8f, 0.5f, 0.7f},
    {0.3f, 0.6f, 0.4f},
  };

  @Test
  void ranksBothDirectionsOfAHandMadeMatrix() {
    RetrievalEvaluator ev = new RetrievalEvaluator(2);
    assertThat(ev.textToVideoRanks(new ArraySimilarity(S))).containsExactly(1, 3, 2);
    // video 0 (column 0: .9 .8 .3) → text 0 first; video 1 (.1 .5 .6) → text 1 second;
    // video 2 (.2 .7 .4) → text 2 second.
    assertThat(ev.videoToTextRanks(new ArraySimilarity(S))).containsExactly(1, 2, 2);
  }

  @Test
  void figuresFromRanks() {
    RetrievalMetrics m = RetrievalMetrics.fromRanks(new int[] {1, 3, 2, 7, 12, 1});
    assertThat(m.recallAt1()).isCloseTo(100.0 * 2 / 6, within(1e-9));
    assertThat(m.recallAt5()).isCloseTo(100.0 * 4 / 6, within(1e-9));
    assertThat(m.recallAt10()).isCloseTo(100.0 * 5 / 6, within(1e-9));
    assertThat(m.medianRank()).isEqualTo(2.5); // sorted 1 1 2 3 7 12
    assertThat(m.meanRank()).isCloseTo(26.0 / 6, within(1e-9));
  }

  @Test
  void tiesCountAgainstTheModel() {
    float[][] flat = new float[4][4]; // every score equal: every truth ties with three others
    assertThat(new RetrievalEvaluator(3).textToVideoRanks(new ArraySimilarity(flat))).containsExactly(4, 4, 4, 4);
    float[][] nan = {{Float.NaN, 0f}, {0f, 1f}};
    assertThat(new RetrievalEvaluator(1).textToVideoRanks(new ArraySimilarity(nan))).containsExactly(2, 1);
  }

  @Test
  void chunkSizeDoesNotChangeTheResult() {
    Random rnd = new Random(3);
    float[][] s = new float[37][37];
    for (float[] row : s) for (int j = 0; j < row.length; j++) row[j] = rnd.nextFloat();
    int[] ref = new RetrievalEvaluator(37).videoToTextRanks(new ArraySimilarity(s));
    for (int chunk : new int[] {1, 5, 36, 100}) {
      assertThat(new RetrievalEvaluator(chunk).videoToTextRanks(new ArraySimilarity(s))).containsExactly(ref);
    }
  }

  @Test
  void randomScoresLandNearChance() {
    Random rnd = new Random(11);
    int n = 400;
    float[][] s = new float[n][n];
    for (float[] row : s) for (int j = 0; j < n; j++) row[j] = rnd.nextFloat();
    RetrievalMetrics m = new RetrievalEvaluator(64).evaluate(new ArraySimilarity(s)).textToVideo();
    RetrievalMetrics chance = RetrievalMetrics.chance(n);
    assertThat(m.meanRank()).isCloseTo(chance.meanRank(), within(chance.meanRank() * 0.1));
    assertThat(m.recallAt10()).isLessThan(10 * chance.recallAt10());
  }

  @Test
  void featureSimilarityIsCosine() {
    try (NDManager m = NDManager.newBaseManager()) {
      FeatureSimilarityBlocks s = new FeatureSimilarityBlocks(
          m.create(new float[][] {{3, 4}, {0, 2}}), m.create(new float[][] {{1, 0}, {0, -5}, {1, 1}}));
      float[][] b = s.block(0, 2, 0, 3);
      float r2 = (float) Math.sqrt(0.5);
      assertThat(b[0]).containsExactly(new float[] {0.6f, -0.8f, 0.7f * 2 * r2}, within(1e-6f));
      assertThat(b[1]).containsExactly(new float[] {0f, -1f, r2}, within(1e-6f));
      assertThat(s.block(1, 2, 2, 3)[0][0]).isCloseTo(r2, within(1e-6f));
    }
  }

  @Test
  void mismatchedCountsAreRejected() {
    float[][] rect = new float[2][3];
    assertThatThrownBy(() -> new RetrievalEvaluator(4).evaluate(new ArraySimilarity(rect)))
        .hasMessageContaining("2 texts and 3 videos");
  }
}
