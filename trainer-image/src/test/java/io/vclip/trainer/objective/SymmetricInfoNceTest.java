package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymmetricInfoNceTest {
  private final SymmetricInfoNce infoNce = new SymmetricInfoNce(new LocalFeatureGather());

  @Test
  void matchesHandComputedValueOnTwoPairs() {
    double[][] text = {{2, 0}, {1, 1}};
    double[][] video = {{3, 1}, {0, 2}};
    double logScale = Math.log(10);

    double actual = GradientCheck.value(
        List.of(flat(text), flat(video), new double[] {logScale}),
        List.of(new Shape(2, 2), new Shape(2, 2), new Shape(1)),
        in -> infoNce.loss(in.get(0), in.get(1), in.get(2)));

    assertThat(actual).isCloseTo(handInfoNce(text, video, 10), within(1e-12));
  }

  /** Long-CLIP's short branch: unit text against the video features as given (dot products). */
  @Test
  void keepsTheVideoNormWhenAsked() {
    double[][] text = {{2, 0}, {1, 1}};
    double[][] video = {{0.3, 0.1}, {0, 0.5}};
    double scale = 10;
    double[][] unitText = {{1, 0}, {Math.sqrt(0.5), Math.sqrt(0.5)}};

    double actual = GradientCheck.value(
        List.of(flat(text), flat(video), new double[] {Math.log(scale)}),
        List.of(new Shape(2, 2), new Shape(2, 2), new Shape(1)),
        in -> infoNce.lossKeepingVideoNorm(in.get(0), in.get(1), in.get(2)));

    double[][] logits = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        logits[i][j] = scale * (unitText[i][0] * video[j][0] + unitText[i][1] * video[j][1]);
      }
    }
    assertThat(actual).isCloseTo(handInfoNceFromLogits(logits), within(1e-12));
  }

  @Test
  void clampsTheScaleAtOneHundredAndStopsItsGradient() {
    double[][] text = {{1, 0.5}, {0.2, 1}};
    double[][] video = {{1, 0}, {0.3, 1}};
    List<double[]> values = List.of(flat(text), flat(video), new double[] {Math.log(1000)});
    List<Shape> shapes = List.of(new Shape(2, 2), new Shape(2, 2), new Shape(1));

    double actual = GradientCheck.value(values, shapes, in -> infoNce.loss(in.get(0), in.get(1), in.get(2)));
    List<double[]> gradient = GradientCheck.analytic(values, shapes, in -> infoNce.loss(in.get(0), in.get(1), in.get(2)));

    assertThat(actual).isCloseTo(handInfoNce(text, video, 100), within(1e-12));
    assertThat(gradient.get(2)[0]).isZero();
  }

  @Test
  void gradientMatchesFiniteDifferencesIncludingTheLogitScale() {
    GradientCheck.assertMatchesFiniteDifferences(
        List.of(Features.gaussian(1, 12), Features.gaussian(2, 12), new double[] {Math.log(5)}),
        List.of(new Shape(3, 4), new Shape(3, 4), new Shape(1)),
        in -> infoNce.loss(in.get(0), in.get(1), in.get(2)));
  }

  @Test
  void promptedTextGradientMatchesFiniteDifferences() {
    GradientCheck.assertMatchesFiniteDifferences(
        List.of(Features.gaussian(3, 36), Features.gaussian(4, 12), new double[] {Math.log(4)}),
        List.of(new Shape(3, 3, 4), new Shape(3, 4), new Shape(1)),
        in -> infoNce.loss(in.get(0), in.get(1), in.get(2)));
  }

  @Test
  void promptedTextWithIdenticalSlicesReducesToPlainText() {
    int b = 3;
    int d = 4;
    double[] text = Features.gaussian(5, b * d);
    double[] video = Features.gaussian(6, b * d);
    double[] pairwise = new double[b * b * d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        System.arraycopy(text, i * d, pairwise, (i * b + j) * d, d);
      }
    }
    double[] scale = {Math.log(7)};
    List<Shape> plainShapes = List.of(new Shape(b, d), new Shape(b, d), new Shape(1));
    List<Shape> pairShapes = List.of(new Shape(b, b, d), new Shape(b, d), new Shape(1));
    java.util.function.Function<NDList, NDArray> loss = in -> infoNce.loss(in.get(0), in.get(1), in.get(2));

    double plainValue = GradientCheck.value(List.of(text, video, scale), plainShapes, loss);
    double pairValue = GradientCheck.value(List.of(pairwise, video, scale), pairShapes, loss);
    List<double[]> plainGrad = GradientCheck.analytic(List.of(text, video, scale), plainShapes, loss);
    List<double[]> pairGrad = GradientCheck.analytic(List.of(pairwise, video, scale), pairShapes, loss);

    assertThat(pairValue).isCloseTo(plainValue, within(1e-12));
    assertThat(pairGrad.get(1)).containsExactly(plainGrad.get(1), within(1e-12));
    assertThat(pairGrad.get(2)).containsExactly(plainGrad.get(2), within(1e-12));
    // A plain text feature is shared by its B pairs, so its gradient is the sum over its slices.
    double[] summedSlices = new double[b * d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        for (int k = 0; k < d; k++) {
          summedSlices[i * d + k] += pairGrad.get(0)[(i * b + j) * d + k];
        }
      }
    }
    assertThat(summedSlices).containsExactly(plainGrad.get(0), within(1e-12));
  }

  /** L_CL from its definition, in plain doubles. */
  static double handInfoNce(double[][] text, double[][] video, double scale) {
    int n = text.length;
    double[][] logits = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        logits[i][j] = scale * cosine(text[i], video[j]);
      }
    }
    return handInfoNceFromLogits(logits);
  }

  static double handInfoNceFromLogits(double[][] logits) {
    int n = logits.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double rowNorm = 0;
      double columnNorm = 0;
      for (int j = 0; j < n; j++) {
        rowNorm += Math.exp(logits[i][j]);
        columnNorm += Math.exp(logits[j][i]);
      }
      sum += -Math.log(Math.exp(logits[i][i]) / rowNorm) - Math.log(Math.exp(logits[i][i]) / columnNorm);
    }
    return sum / (2 * n);
  }

  static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
      na += a[k] * a[k];
      nb += b[k] * b[k];
    }
    return dot / Math.sqrt(na * nb);
  }

  static double[] flat(double[][] rows) {
    int d = rows[0].length;
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }
}
