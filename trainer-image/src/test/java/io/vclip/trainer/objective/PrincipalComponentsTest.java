package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrincipalComponentsTest {

  /** (B, D) pairs that take the B×B Gram path (B ≤ D) and the D×D scatter path (B > D). */
  @ParameterizedTest
  @CsvSource({"5, 8", "9, 4"})
  void keepingEveryComponentReproducesTheInput(int b, int d) {
    double[] x = Features.gaussian(21, b * d);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray features = manager.create(x, new Shape(b, d));
      PrincipalComponents components = PrincipalComponents.fit(features);
      assertThat(components.rank()).isEqualTo(Math.min(b - 1, d));
      int[] all = new int[b];
      Arrays.fill(all, components.rank());
      assertThat(components.reconstruct(features, all).toDoubleArray()).containsExactly(x, within(1e-10));
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 8, 1", "5, 8, 3", "9, 4, 2"})
  void truncationEqualsAnSvdReference(int b, int d, int k) {
    double[] x = Features.gaussian(22, b * d);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray features = manager.create(x, new Shape(b, d));
      PrincipalComponents components = PrincipalComponents.fit(features);
      int[] ks = new int[b];
      Arrays.fill(ks, k);
      assertThat(components.reconstruct(features, ks).toDoubleArray())
          .containsExactly(svdReconstruction(x, b, d, k), within(1e-10));
      double[] variances = components.variances();
      for (int c = 1; c < variances.length; c++) {
        assertThat(variances[c]).isLessThanOrEqualTo(variances[c - 1]);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 8", "9, 4"})
  void perSampleCountsReconstructEachRowWithItsOwnK(int b, int d) {
    double[] x = Features.gaussian(23, b * d);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray features = manager.create(x, new Shape(b, d));
      PrincipalComponents components = PrincipalComponents.fit(features);
      int[] ks = IntStream.range(0, b).map(i -> 1 + i % components.rank()).toArray();
      double[] mixed = components.reconstruct(features, ks).toDoubleArray();
      for (int i = 0; i < b; i++) {
        double[] reference = svdReconstruction(x, b, d, ks[i]);
        assertThat(Arrays.copyOfRange(mixed, i * d, (i + 1) * d))
            .as("sample %d with k=%d", i, ks[i])
            .containsExactly(Arrays.copyOfRange(reference, i * d, (i + 1) * d), within(1e-10));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 8", "9, 4"})
  void cumulativeCosinesEqualCosinesOfTheReconstructions(int b, int d) {
    double[] x = Features.gaussian(24, b * d);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray features = manager.create(x, new Shape(b, d));
      PrincipalComponents components = PrincipalComponents.fit(features);
      double[][] cosines = components.reconstructionCosines();
      for (int k = 0; k <= components.rank(); k++) {
        int[] ks = new int[b];
        Arrays.fill(ks, k);
        double[] reconstruction = components.reconstruct(features, ks).toDoubleArray();
        for (int i = 0; i < b; i++) {
          double expected = SymmetricInfoNceTest.cosine(
              Arrays.copyOfRange(reconstruction, i * d, (i + 1) * d), Arrays.copyOfRange(x, i * d, (i + 1) * d));
          assertThat(cosines[i][k]).as("sample %d, k=%d", i, k).isCloseTo(expected, within(1e-10));
        }
      }
      assertThat(cosines[0][components.rank()]).isCloseTo(1.0, within(1e-10));
    }
  }

  /** With nothing discarded, PCE is the identity and its gradient must be too. */
  @ParameterizedTest
  @CsvSource({"5, 8", "9, 4"})
  void fullRankGradientIsTheIdentity(int b, int d) {
    double[] x = Features.gaussian(25, b * d);
    double[] weights = Features.gaussian(26, b * d);
    List<double[]> gradient = GradientCheck.analytic(
        List.of(x, weights),
        List.of(new Shape(b, d), new Shape(b, d)),
        in -> {
          PrincipalComponents components = PrincipalComponents.fit(in.get(0));
          int[] all = new int[b];
          Arrays.fill(all, components.rank());
          return components.reconstruct(in.get(0), all).mul(in.get(1)).sum();
        });
    assertThat(gradient.get(0)).containsExactly(weights, within(1e-10));
  }

  /** The basis is a constant of the step: the gradient is that of PCE with the fitted basis frozen. */
  @ParameterizedTest
  @CsvSource({"5, 8", "9, 4"})
  void gradientWithTheFittedBasisFrozenMatchesFiniteDifferences(int b, int d) {
    double[] x = Features.gaussian(27, b * d);
    double[] weights = Features.gaussian(28, b * d);
    PrincipalComponents frozen;
    try (NDManager manager = NDManager.newBaseManager()) {
      frozen = PrincipalComponents.fit(manager.create(x, new Shape(b, d)));
    }
    int[] ks = IntStream.range(0, b).map(i -> 1 + i % (frozen.rank() - 1)).toArray();
    GradientCheck.assertMatchesFiniteDifferences(
        List.of(x, weights),
        List.of(new Shape(b, d), new Shape(b, d)),
        in -> frozen.reconstruct(in.get(0), ks).mul(in.get(1)).sum());
  }

  @Test
  void aSingleSampleHasNoComponentsAndIsItsOwnMean() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray one = manager.create(new double[] {0.6, 0.8}, new Shape(1, 2));
      PrincipalComponents components = PrincipalComponents.fit(one);
      assertThat(components.rank()).isZero();
      assertThat(new TextGuidedComponents().choose(components, new double[] {0.9})).containsExactly(0);
      assertThat(components.reconstruct(one, new int[] {0}).toDoubleArray()).containsExactly(0.6, 0.8);
    }
  }

  @Test
  void rejectsNonFiniteFeaturesNamingTheSample() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray bad = manager.create(new double[] {1, 0, Double.NaN, 1}, new Shape(2, 2));
      assertThatThrownBy(() -> PrincipalComponents.fit(bad)).hasMessage("PCE: video feature of sample 1 holds NaN");
    }
  }

  /** X̄ + U_k Σ_k V_kᵀ of the centred batch, by EJML's SVD (not the eigen path under test). */
  static double[] svdReconstruction(double[] x, int b, int d, int k) {
    double[] mean = new double[d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j] / b;
      }
    }
    DMatrixRMaj centred = new DMatrixRMaj(b, d);
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        centred.set(i, j, x[i * d + j] - mean[j]);
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(b, d, true, true, true);
    assertThat(svd.decompose(centred.copy())).isTrue();
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj v = svd.getV(null, false);
    double[] sigma = svd.getSingularValues();
    Integer[] order = IntStream.range(0, sigma.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -sigma[c]));
    double[] out = new double[b * d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        double value = mean[j];
        for (int c = 0; c < k; c++) {
          int s = order[c];
          value += u.get(i, s) * sigma[s] * v.get(j, s);
        }
        out[i * d + j] = value;
      }
    }
    return out;
  }
}
