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
  private final double[] variances;
  /** (D, r): u_c, the right singular vectors of the centred batch, by descending variance. */
  private final DMatrixRMaj basis;
  /** (B, r): w_c = X_c u_c / σ_c, the left singular vectors. */
  private final DMatrixRMaj sampleBasis;
  /** (B, r): a_ic = (x_i − μ)·u_c. */
  private final DMatrixRMaj coefficients;
  private final double[] squaredNorms;
  private final double[] meanDotInput;

  private PrincipalComponents(DMatrixRMaj rows) {
    samples = rows.numRows;
    dim = rows.numCols;
    mean = new double[dim];
    for (int i = 0; i < samples; i++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += rows.get(i, d) / samples;
      }
    }
    DMatrixRMaj centred = new DMatrixRMaj(samples, dim);
    squaredNorms = new double[samples];
    meanDotInput = new double[samples];
    for (int i = 0; i < samples; i++) {
      for (int d = 0; d < dim; d++) {
        double x = rows.get(i, d);
        centred.set(i, d, x - mean[d]);
        squaredNorms[i] += x * x;
        meanDotInput[i] += mean[d] * x;
      }
    }
    // Decompose the smaller of the B×B Gram and the D×D scatter matrix; both give the same components.
    boolean gram = samples <= dim;
    int size = gram ? samples : dim;
    DMatrixRMaj small = new DMatrixRMaj(size, size);
    if (gram) {
      CommonOps_DDRM.multTransB(centred, centred, small);
    } else {
      CommonOps_DDRM.multTransA(centred, centred, small);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
    if (!eig.decompose(small)) {
      throw new IllegalStateException("PCE: eigen-decomposition of the " + size + "² matrix failed");
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
    variances = new double[rank];
    DMatrixRMaj vectors = new DMatrixRMaj(size, rank);
    for (int c = 0; c < rank; c++) {
      double lambda = eig.getEigenvalue(order[c]).real;
      variances[c] = lambda / samples;
      DMatrixRMaj vector = eig.getEigenVector(order[c]);
      // Unit eigenvectors; a Gram eigenvector w maps to the feature direction X_cᵀ w / σ, σ = sqrt(λ).
      double scale = 1 / Math.sqrt(CommonOps_DDRM.dot(vector, vector)) / (gram ? Math.sqrt(lambda) : 1);
      for (int e = 0; e < size; e++) {
        vectors.set(e, c, vector.get(e) * scale);
      }
    }
    if (gram) {
      basis = new DMatrixRMaj(dim, rank);
      CommonOps_DDRM.multTransA(centred, vectors, basis);
    } else {
      basis = vectors;
    }
    coefficients = new DMatrixRMaj(samples, rank);
    CommonOps_DDRM.mult(centred, basis, coefficients);
    sampleBasis = coefficients.copy();
    for (int c = 0; c < rank; c++) {
      double sigma = Math.sqrt(variances[c] * samples);
      for (int i = 0; i < samples; i++) {
        sampleBasis.set(i, c, coefficients.get(i, c) / sigma);
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
    for (int e = 0; e < flat.length; e++) {
      if (!Double.isFinite(flat[e])) {
        throw new IllegalArgumentException("PCE: video feature of sample " + e / d + " holds " + flat[e]);
      }
    }
    return new PrincipalComponents(DMatrixRMaj.wrap(b, d, flat));
  }

  /** Number of components with non-negligible variance (at most min(B − 1, D)). */
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
    double[] mask = new double[samples * rank()];
    for (int i = 0; i < samples; i++) {
      int k = componentsPerSample[i];
      if (k < 0 || k > rank()) {
        throw new IllegalArgumentException("PCE: sample " + i + " asks for " + k + " of " + rank() + " components");
      }
      Arrays.fill(mask, i * rank(), i * rank() + k, 1.0);
    }
    NDArray u = upload.copy(manager, basis.getData(), new Shape(dim, rank()), type);
    NDArray w = upload.copy(manager, sampleBasis.getData(), new Shape(samples, rank()), type);
    NDArray keep = upload.copy(manager, mask, new Shape(samples, rank()), type);
    // Row i of the sample-side projector: Q_ij = Σ_{c≤k_i} w_c[i] w_c[j], built from constants only.
    NDArray q = w.mul(keep).matMul(w.transpose());
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
        meanOnBasis[c] += mean[d] * basis.get(d, c);
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
        double a = coefficients.get(i, c);
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
