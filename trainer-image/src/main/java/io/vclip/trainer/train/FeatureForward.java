package io.vclip.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VideoFeatures;
import io.vclip.trainer.objective.ObjectiveInputs;

/**
 * The model half of a training step: encode the clips and all texts of a batch and shape them the
 * way the objective reads them. With X-CLIP prompts on, the contrastive texts are prompted by every
 * clip of the batch (B×B pairs) and the ranking texts by their own clip.
 */
public final class FeatureForward {
  private FeatureForward() {}

  public static ObjectiveInputs forward(VideoClipModel model, ParameterStore ps, NDArray frames, CaptionTokens tokens,
      boolean training) {
    VideoFeatures video = model.encodeVideo(ps, frames, training);
    NDArray text = model.encodeText(ps, tokens.ids(), tokens.eot(), training);
    int b = tokens.batch();
    long d = text.getShape().get(1);
    NDArray longText = text.get(new NDIndex("0:{}", b));
    NDArray shortText = text.get(new NDIndex("{}:{}", b, 2 * b));
    int ddrEnd = 2 * b + b * tokens.ddrTexts();
    NDArray ddr = tokens.ddrTexts() == 0 ? null : text.get(new NDIndex("{}:{}", 2 * b, ddrEnd)).reshape(b, tokens.ddrTexts(), d);
    NDArray hdr = tokens.hdrTexts() == 0 ? null
        : text.get(new NDIndex("{}:{}", ddrEnd, ddrEnd + b * tokens.hdrTexts())).reshape(b, tokens.hdrTexts(), d);
    if (model.config().xclip().prompts()) {
      longText = model.promptPairwise(ps, longText, video, training);
      shortText = model.promptPairwise(ps, shortText, video, training);
      if (ddr != null) ddr = model.promptPaired(ps, ddr, video, training);
      if (hdr != null) hdr = model.promptPaired(ps, hdr, video, training);
    }
    return new ObjectiveInputs(video.video(), longText, shortText, ddr, hdr, model.logitScale(ps, frames, training));
  }
}
