package io.vclip.trainer.eval;

import ai.djl.ndarray.NDArray;
import io.vclip.trainer.data.Captions;
import java.util.List;

/**
 * The held-out set after one pass of the encoders: per video its feature (and the visual tokens
 * X-CLIP prompts read), per video its long caption's feature, and the captions for building
 * ranking sets.
 *
 * @param videos (N, D) video features
 * @param promptTokens the visual tokens of each video for prompting, or null when prompts are off
 * @param texts (N, D) long-caption features, text i describing video i
 */
public record EncodedEvalSet(NDArray videos, NDArray promptTokens, NDArray texts, List<Captions> captions,
    double encodeSeconds) {
  public int size() {
    return captions.size();
  }
}
