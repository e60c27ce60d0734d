package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Text-similarity-guided primary component matching (VideoCLIP-XL): L_TPCM = L_CL(f_st, f̂_v) with
 * f̂_v = PCE(f_v, k_i). The short caption is matched against a coarsened video feature, as coarse as
 * the short caption is relative to the long one. With {@link FixedComponents} this is Long-CLIP's
 * fine/coarse term, kept for ablation.
 */
final class TpcmLoss implements LossTerm {
  static final String NAME = "tpcm";

  private final SymmetricInfoNce infoNce;
  private final ComponentSelection selection;
  private final TensorUpload upload = new TensorUpload();

  TpcmLoss(SymmetricInfoNce infoNce, ComponentSelection selection) {
    this.infoNce = infoNce;
    this.selection = selection;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LossPart compute(ObjectiveInputs inputs) {
    NDArray shortText = ObjectiveInputs.required(inputs.shortText(), "shortText", NAME);
    // PCE runs on unit features and its output is not re-normalised, as in Long-CLIP's code: the
    // components describe directions, not feature norms, and a coarse reconstruction keeps its
    // shorter length into the logits.
    NDArray video = CosineSimilarity.unit(inputs.video());
    PrincipalComponents components = PrincipalComponents.fit(video);
    int[] kept = selection.choose(components, targets(inputs, shortText));
    NDArray coarseVideo = components.reconstruct(video, kept, upload);
    return new LossPart(NAME, infoNce.lossKeepingVideoNorm(shortText, coarseVideo, inputs.logitScale()), kept);
  }

  /** cos(f_lt,i, f_st,i), detached: a target for the selection, not something to train. */
  private double[] targets(ObjectiveInputs inputs, NDArray shortText) {
    if (!selection.usesTargets()) {
      return new double[inputs.batchSize()];
    }
    NDArray longText = ObjectiveInputs.required(inputs.longText(), "longText", NAME);
    return CosineSimilarity.matched(longText.stopGradient(), shortText.stopGradient())
        .toType(DataType.FLOAT64, false)
        .toDoubleArray();
  }
}
