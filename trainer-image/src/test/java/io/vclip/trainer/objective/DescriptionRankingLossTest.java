package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptionRankingLossTest {

  /** Descriptions at known angles θ from their video, so s = cos θ; two samples, m = 3. */
  @Test
  void matchesHandComputedValue() {
    double margin = 0.1;
    double[][] angles = {{0.1, 0.3, 0.2}, {0.5, 0.55, 1.2}};
    double[] video = {2, 0, 0, 3};
    double[] texts = new double[2 * 3 * 2];
    for (int i = 0; i < 2; i++) {
      double base = i == 0 ? 0 : Math.PI / 2;
      for (int j = 0; j < 3; j++) {
        double length = 1 + j;
        texts[(i * 3 + j) * 2] = length * Math.cos(base + angles[i][j]);
        texts[(i * 3 + j) * 2 + 1] = length * Math.sin(base + angles[i][j]);
      }
    }
    double expected = 0;
    for (double[] sample : angles) {
      for (int a = 0; a < 3; a++) {
        for (int b = a + 1; b < 3; b++) {
          expected += Math.max(0, margin - (Math.cos(sample[a]) - Math.cos(sample[b])));
        }
      }
    }
    expected /= 2 * 3;

    double actual = GradientCheck.value(
        List.of(texts, video),
        List.of(new Shape(2, 3, 2), new Shape(2, 2)),
        in -> DescriptionRankingLoss.detail(margin).compute(inputs(in)).loss());

    assertThat(actual).isCloseTo(expected, within(1e-12));
  }

  @Test
  void ddrGradientMatchesFiniteDifferences() {
    GradientCheck.assertMatchesFiniteDifferences(
        List.of(Features.gaussian(43, 2 * 5 * 3), Features.gaussian(44, 2 * 3)),
        List.of(new Shape(2, 5, 3), new Shape(2, 3)),
        in -> DescriptionRankingLoss.detail(0.2).compute(inputs(in)).loss());
  }

  @Test
  void hdrGradientMatchesFiniteDifferences() {
    GradientCheck.assertMatchesFiniteDifferences(
        List.of(Features.gaussian(41, 2 * 4 * 3), Features.gaussian(42, 2 * 3)),
        List.of(new Shape(2, 4, 3), new Shape(2, 3)),
        in -> DescriptionRankingLoss.hallucination(0.3).compute(hdrInputs(in)).loss());
  }

  @Test
  void correctlyOrderedDescriptionsBeyondTheMarginCostNothing() {
    double[] video = {1, 0};
    // cos = 1, 0.5, −0.5: each gap ≥ 0.5 > margin 0.2.
    double[] texts = {1, 0, 0.5, Math.sqrt(3) / 2, -0.5, Math.sqrt(3) / 2};
    double loss = GradientCheck.value(
        List.of(texts, video),
        List.of(new Shape(1, 3, 2), new Shape(1, 2)),
        in -> DescriptionRankingLoss.detail(0.2).compute(inputs(in)).loss());
    assertThat(loss).isZero();
  }

  @Test
  void namesTheMissingSequence() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs noSequences = new ObjectiveInputs(
          manager.ones(new Shape(2, 3)), null, null, null, null, manager.zeros(new Shape(1)));
      assertThatThrownBy(() -> DescriptionRankingLoss.hallucination(0.1).compute(noSequences))
          .hasMessageContaining("hdrText")
          .hasMessageContaining("objective.hdr");
    }
  }

  private static ObjectiveInputs inputs(NDList in) {
    return new ObjectiveInputs(
        in.get(1), null, null, in.get(0), null, in.getManager().zeros(new Shape(1), in.get(0).getDataType()));
  }

  private static ObjectiveInputs hdrInputs(NDList in) {
    return new ObjectiveInputs(
        in.get(1), null, null, null, in.get(0), in.getManager().zeros(new Shape(1), in.get(0).getDataType()));
  }
}
