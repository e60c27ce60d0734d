package io.vclip.trainer.model.vision;

import ai.djl.ndarray.NDArray;

/**
 * What the vision tower gives per frame.
 *
 * @param features (N, D) projected [CLS] after {@code ln_post}: the CLIP image feature
 * @param patchTokens (N, G, W) last-layer patch tokens, before {@code ln_post} (X-CLIP's prompt input)
 */
public record FrameEncoding(NDArray features, NDArray patchTokens) {}
