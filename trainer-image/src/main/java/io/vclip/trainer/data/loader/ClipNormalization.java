package io.vclip.trainer.data.loader;

/**
 * CLIP's per-channel pixel statistics (OpenAI CLIP preprocessing, reused by X-CLIP): a pixel
 * value v in [0, 255] becomes (v / 255 - mean) / std, folded here into v * scale + offset.
 */
final class ClipNormalization {
  static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private ClipNormalization() {}

  static float scale(int channel) {
    return 1f / (255f * STD[channel]);
  }

  static float offset(int channel) {
    return -MEAN[channel] / STD[channel];
  }
}
