package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;

/** The main contrastive term L_CL(f_lt, f_v). */
final class LongTextContrastiveLoss implements LossTerm {
  static final String NAME = "contrastive";

  private final SymmetricInfoNce infoNce;

  LongTextContrastiveLoss(SymmetricInfoNce infoNce) {
    this.infoNce = infoNce;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LossPart compute(ObjectiveInputs inputs) {
    NDArray longText = ObjectiveInputs.required(inputs.longText(), "longText", NAME);
    return new LossPart(NAME, infoNce.loss(longText, inputs.video(), inputs.logitScale()));
  }
}
