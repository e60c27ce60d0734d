package io.vclip.trainer.model;

import ai.djl.ndarray.NDArray;

/**
 * What {@link VideoClipModel#encodeVideo} returns.
 *
 * @param video (B, D) video feature, not normalised
 * @param promptTokens (B, G, D) the visual tokens the prompt generator attends to (patch tokens after
 *     LayerNorm and projection, averaged over frames); null when prompts are off
 */
public record VideoFeatures(NDArray video, NDArray promptTokens) {
  public long batchSize() {
    return video.getShape().get(0);
  }
}
