package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import io.vclip.trainer.model.NativeScalar;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/**
 * DDR and HDR of VideoCLIP-XL (PAPER-NOTES §3), one formula with two sequences: for a sample's
 * descriptions t_1 … t_m, ordered from most faithful to least, with s_i = cos(f_{t_i}, f_v) and
 * Δ_ij = s_i − s_j, L = 1/(m(m−1)/2) Σ_{i<j} ReLU(α − Δ_ij), averaged over the batch. Every pair is
 * constrained, not only neighbours, so a description further down must trail by at least α too.
 */
final class DescriptionRankingLoss implements LossTerm {
  static final String DDR = "ddr";
  static final String HDR = "hdr";

  private final String name;
  private final String inputField;
  private final Function<ObjectiveInputs, NDArray> sequence;
  private final double margin;

  private DescriptionRankingLoss(
      String name, String inputField, Function<ObjectiveInputs, NDArray> sequence, double margin) {
    this.name = name;
    this.inputField = inputField;
    this.sequence = sequence;
    this.margin = margin;
  }

  /** Detail Description Ranking: descriptions with details deleted step by step. */
  static DescriptionRankingLoss detail(double margin) {
    return new DescriptionRankingLoss(DDR, "ddrText", ObjectiveInputs::ddrText, margin);
  }

  /** Hallucination Description Ranking: descriptions with words replaced step by step. */
  static DescriptionRankingLoss hallucination(double margin) {
    return new DescriptionRankingLoss(HDR, "hdrText", ObjectiveInputs::hdrText, margin);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LossPart compute(ObjectiveInputs inputs) {
    NDArray descriptions = ObjectiveInputs.required(sequence.apply(inputs), inputField, name);
    NDArray similarity = CosineSimilarity.sequence(descriptions, inputs.video());
    long b = similarity.getShape().get(0);
    long m = similarity.getShape().get(1);
    NDArray delta = similarity.expandDims(2).sub(similarity.expandDims(1));
    NDArray hinge = delta.neg().add(NativeScalar.like(delta, margin)).maximum(NativeScalar.like(delta, 0));
    NDArray loss = hinge.mul(earlierBeforeLater(similarity.getManager(), m, similarity))
        .sum();
    loss = loss.div(NativeScalar.like(loss, b * (m * (m - 1) / 2.0)));
    return new LossPart(name, loss);
  }

  /** (m, m) mask of the pairs i < j, built natively (no JVM buffer per step). */
  private static NDArray earlierBeforeLater(NDManager manager, long m, NDArray like) {
    NDArray index = manager.arange((int) m);
    return index.expandDims(1).lt(index.expandDims(0)).toType(like.getDataType(), false);
  }
}
