package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component extraction PCE(f_v, k) of Long-CLIP (PAPER-NOTES §3): the batch is centred by
 * its mean, decomposed on the JVM with EJML (DJL has no eig/SVD), and reconstructed in DJL from the
 * first k components per sample, plus the mean, without re-normalising.
 *
 * <p>Gradient: the fit happens on a detached copy, so its singular vectors are constants — those in
 * feature space (u, D-dim) and those in sample space (w, B-dim). With P = Σ_{c≤k} u_c u_cᵀ and
 * Q = Σ_{c≤k} w_c w_cᵀ the truncation is X̂_c = X_c P = Q X_c, and we build it as
 * Q X_c + X_c P − Q X_c P: the same value, and the derivative Q·dX + dX·P − Q·dX·P of the truncated
 * SVD without the terms in which the kept subspace rotates against the discarded one. Those carry
 * 1/(σ_a² − σ_b²) factors that explode for the near-equal trailing singular values of a small batch
 * (the reason not to differentiate eig, as Long-CLIP's torch.linalg.eig does). With every component
 * kept there is nothing discarded and the gradient is exact: PCE is then the identity, and so is its
 * gradient. Per-sample k_i (TPCM) applies the same with row i's own P and Q. Centring and the mean
 * stay in the graph.
 */
final class PrincipalComponents {
  /** Eigenvalues below this fraction of the largest are rounding noise of a rank-deficient batch. */
  private static final double RELATIVE_EIGENVALUE_FLOOR = 1e-10;

  private final int samples;
  private final int dim;
  private final double[] mean;
  /** basis[d][c]: component c (descending variance), orthonormal columns. */
  private final double[][] basis;
  private final double[] variances;
  /** coefficients[i][c] = (x_i − mean) · u_c. */
  private final double[][] coefficients;
  /** sampleBasis[i][c] = w_c[i] = coefficients[i][c] / σ_c, the left singular vectors. */
  private final double[][] sampleBasis;
  private final double[] squaredNorms;
  private final double[] meanDotInput;

  private PrincipalComponents(double[][] rows) {
    samples = rows.length;
    dim = rows[0].length;
    mean = new double[dim];
    for (double[] row : rows) {
      for (int d = 0; d < dim; d++) {
        mean[d] += row[d] / samples;
      }
    }
    DMatrixRMaj centred = new DMatrixRMaj(samples, dim);
    squaredNorms = new double[samples];
    meanDotInput = new double[samples];
    for (int i = 0; i < samples; i++) {
      for (int d = 0; d < dim; d++) {
        centred.set(i, d, rows[i][d] - mean[d]);
        squaredNorms[i] += rows[i][d] * rows[i][d];
        meanDotInput[i] += mean[d] * rows[i][d];
      }
    }
    // Decompose the smaller of the B×B Gram and the D×D scatter matrix; both give the same components.
    boolean gram = samples <= dim;
    DMatrixRMaj small = new DMatrixRMaj(gram ? samples : dim, gram ? samples : dim);
    if (gram) {
      CommonOps_DDRM.multTransB(centred, centred, small);
    } else {
      CommonOps_DDRM.multTransA(centred, centred, small);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig =
        DecompositionFactory_DDRM.eig(small.numRows, true, true);
    if (!eig.decompose(small)) {
      throw new IllegalStateException("PCE: eigen-decomposition of the " + small.numRows + "² matrix failed");
    }
    Integer[] order = IntStream.range(0, eig.getNumberOfEigenvalues()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -eig.getEigenvalue(c).real));
    double largest = order.length == 0 ? 0 : eig.getEigenvalue(order[0]).real;
    int rank = 0;
    while (rank < order.length
        && largest > 0
        && eig.getEigenvalue(order[rank]).real > largest * RELATIVE_EIGENVALUE_FLOOR) {
      rank++;
    }
    basis = new double[dim][rank];
    variances = new double[rank];
    for (int c = 0; c < rank; c++) {
      double lambda = eig.getEigenvalue(order[c]).real;
      DMatrixRMaj vector = eig.getEigenVector(order[c]);
      variances[c] = lambda / samples;
      if (gram) {
        // u = X_cᵀ w / sqrt(λ): the unit direction in feature space of a Gram eigenvector w.
        double inv = 1 / Math.sqrt(lambda);
        for (int i = 0; i < samples; i++) {
          double w = vector.get(i);
          for (int d = 0; d < dim; d++) {
            basis[d][c] += centred.get(i, d) * w * inv;
          }
        }
      } else {
        double norm = Math.sqrt(CommonOps_DDRM.dot(vector, vector));
        for (int d = 0; d < dim; d++) {
          basis[d][c] = vector.get(d) / norm;
        }
      }
    }
    coefficients = new double[samples][rank];
    sampleBasis = new double[samples][rank];
    for (int i = 0; i < samples; i++) {
      for (int c = 0; c < rank; c++) {
        double a = 0;
        for (int d = 0; d < dim; d++) {
          a += centred.get(i, d) * basis[d][c];
        }
        coefficients[i][c] = a;
        sampleBasis[i][c] = a / Math.sqrt(variances[c] * samples);
      }
    }
  }

  /** Fits the components of a {@code (B, D)} batch on a detached double copy. */
  static PrincipalComponents fit(NDArray features) {
    Shape shape = features.getShape();
    if (shape.dimension() != 2 || shape.get(0) < 1) {
      throw new IllegalArgumentException("PCE: features must be (B, D) with B >= 1, got " + shape);
    }
    int b = Math.toIntExact(shape.get(0));
    int d = Math.toIntExact(shape.get(1));
    double[] flat = features.stopGradient().toType(DataType.FLOAT64, false).toDoubleArray();
    double[][] rows = new double[b][];
    for (int i = 0; i < b; i++) {
      rows[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
      for (double value : rows[i]) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("PCE: video feature of sample " + i + " holds " + value);
        }
      }
    }
    return new PrincipalComponents(rows);
  }

  /** Number of components with non-negligible variance (at most B − 1). */
  int rank() {
    return variances.length;
  }

  double[] variances() {
    return variances.clone();
  }

  /**
   * PCE_i(k_i) for each sample i, in DJL so the gradient reaches {@code features}; must be the batch
   * this was fitted on. The mean is recomputed in the graph (same value), the basis is a constant.
   */
  NDArray reconstruct(NDArray features, int[] componentsPerSample) {
    return reconstruct(features, componentsPerSample, new TensorUpload());
  }

  /** As {@link #reconstruct(NDArray, int[])}, uploading the constants through a reused buffer. */
  NDArray reconstruct(NDArray features, int[] componentsPerSample, TensorUpload upload) {
    if (componentsPerSample.length != samples) {
      throw new IllegalArgumentException(
          "PCE: " + componentsPerSample.length + " component counts for " + samples + " samples");
    }
    NDManager manager = features.getManager();
    DataType type = features.getDataType();
    NDArray batchMean = features.mean(new int[] {0}, true);
    if (rank() == 0) {
      return batchMean.broadcast(features.getShape());
    }
    double[] flatBasis = new double[dim * rank()];
    for (int d = 0; d < dim; d++) {
      System.arraycopy(basis[d], 0, flatBasis, d * rank(), rank());
    }
    double[] mask = new double[samples * rank()];
    for (int i = 0; i < samples; i++) {
      int k = componentsPerSample[i];
      if (k < 0 || k > rank()) {
        throw new IllegalArgumentException("PCE: sample " + i + " asks for " + k + " of " + rank() + " components");
      }
      Arrays.fill(mask, i * rank(), i * rank() + k, 1.0);
    }
    // Row i of the sample-side projector: Q_ij = Σ_{c≤k_i} w_c[i] w_c[j].
    double[] sampleProjector = new double[samples * samples];
    for (int i = 0; i < samples; i++) {
      for (int j = 0; j < samples; j++) {
        double q = 0;
        for (int c = 0; c < componentsPerSample[i]; c++) {
          q += sampleBasis[i][c] * sampleBasis[j][c];
        }
        sampleProjector[i * samples + j] = q;
      }
    }
    NDArray u = upload.copy(manager, flatBasis, new Shape(dim, rank()), type);
    NDArray keep = upload.copy(manager, mask, new Shape(samples, rank()), type);
    NDArray q = upload.copy(manager, sampleProjector, new Shape(samples, samples), type);
    NDArray centred = features.sub(batchMean);
    NDArray coefficients = centred.matMul(u);
    NDArray featureSide = coefficients.mul(keep).matMul(u.transpose());
    NDArray sampleSide = q.matMul(centred);
    NDArray overlap = q.matMul(coefficients).mul(keep).matMul(u.transpose());
    return featureSide.add(sampleSide).sub(overlap).add(batchMean);
  }

  /**
   * cos(PCE_i(k), x_i) for k = 0 … rank, without reconstructing: with orthonormal u_c and
   * a_ic = (x_i − μ)·u_c, adding component k changes x̂·x_i by a_ik(μ·u_k + a_ik) and |x̂|² by
   * a_ik(2 μ·u_k + a_ik), so all k cost O(B·rank) after the fit instead of one PCE per k.
   */
  double[][] reconstructionCosines() {
    double[] meanOnBasis = new double[rank()];
    for (int c = 0; c < rank(); c++) {
      for (int d = 0; d < dim; d++) {
        meanOnBasis[c] += mean[d] * basis[d][c];
      }
    }
    double meanSquared = 0;
    for (double m : mean) {
      meanSquared += m * m;
    }
    double[][] cosines = new double[samples][rank() + 1];
    for (int i = 0; i < samples; i++) {
      double dot = meanDotInput[i];
      double reconstructedSquared = meanSquared;
      double inputNorm = Math.sqrt(squaredNorms[i]);
      cosines[i][0] = cosine(dot, reconstructedSquared, inputNorm);
      for (int c = 0; c < rank(); c++) {
        double a = coefficients[i][c];
        dot += a * (meanOnBasis[c] + a);
        reconstructedSquared += a * (2 * meanOnBasis[c] + a);
        cosines[i][c + 1] = cosine(dot, reconstructedSquared, inputNorm);
      }
    }
    return cosines;
  }

  private static double cosine(double dot, double reconstructedSquared, double inputNorm) {
    double denominator = Math.sqrt(Math.max(reconstructedSquared, 0)) * inputNorm;
    return denominator == 0 ? 0 : dot / denominator;
  }
}
