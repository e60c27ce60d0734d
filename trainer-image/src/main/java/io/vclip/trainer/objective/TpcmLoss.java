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
    // Prompted texts pair with this rank's clips only, so then the whole term stays local. Otherwise
    // the components are the global batch's, as one process would fit them: PCE mixes samples (mean,
    // sample-side projector), so fitting per rank would make the term depend on the world size.
    boolean local = CosineSimilarity.isPairwise(shortText);
    NDArray clips = local ? video : infoNce.global(video, "video");
    NDArray texts = local ? shortText : infoNce.global(shortText, "short text");
    NDArray longText = local || !selection.usesTargets() ? inputs.longText()
        : infoNce.global(ObjectiveInputs.required(inputs.longText(), "longText", NAME).stopGradient(), "long text");
    PrincipalComponents components = PrincipalComponents.fit(clips);
    int[] kept = selection.choose(components, targets(longText, texts, Math.toIntExact(clips.getShape().get(0))));
    NDArray coarseVideo = components.reconstruct(clips, kept, upload);
    NDArray loss = local ? infoNce.lossKeepingVideoNorm(texts, coarseVideo, inputs.logitScale())
        : infoNce.lossOfGlobal(texts, coarseVideo, inputs.logitScale());
    return new LossPart(NAME, loss, kept);
  }

  /** cos(f_lt,i, f_st,i), detached: a target for the selection, not something to train. */
  private double[] targets(NDArray longText, NDArray shortText, int samples) {
    if (!selection.usesTargets()) {
      return new double[samples];
    }
    NDArray required = ObjectiveInputs.required(longText, "longText", NAME);
    return CosineSimilarity.matched(required.stopGradient(), shortText.stopGradient())
        .toType(DataType.FLOAT64, false)
        .toDoubleArray();
  }
}
