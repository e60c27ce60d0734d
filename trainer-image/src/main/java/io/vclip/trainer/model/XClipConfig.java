package io.vclip.trainer.model;

/**
 * The X-CLIP parts on top of the image ViT, each switchable. With all three off the video feature is
 * the mean of per-frame CLIP image features.
 *
 * @param frames T, frames per clip
 * @param crossFrameAttention message tokens in every vision layer (CCT)
 * @param mit multi-frame integration transformer over the per-frame features
 * @param mitLayers its depth (X-CLIP default 1)
 * @param prompts video-specific prompt generator on the text features
 * @param promptLayers its depth (X-CLIP default 2)
 * @param dropPath stochastic depth of the last vision layer (linear ramp from 0 at the first)
 */
public record XClipConfig(
    int frames,
    boolean crossFrameAttention,
    boolean mit,
    int mitLayers,
    boolean prompts,
    int promptLayers,
    float dropPath) {
  public static final int DEFAULT_MIT_LAYERS = 1;
  public static final int DEFAULT_PROMPT_LAYERS = 2;

  public XClipConfig {
    ConfigCheck.positive("xclip.frames", frames);
    ConfigCheck.positive("xclip.mit_layers", mitLayers);
    ConfigCheck.positive("xclip.prompt_layers", promptLayers);
    ConfigCheck.require(
        dropPath >= 0f && dropPath < 1f, "xclip.drop_path", "must be in [0, 1), got " + dropPath);
  }

  /** All X-CLIP parts on, with the reference code's defaults. */
  public static XClipConfig full(int frames) {
    return new XClipConfig(frames, true, true, DEFAULT_MIT_LAYERS, true, DEFAULT_PROMPT_LAYERS, 0f);
  }

  /** All parts off: a plain CLIP image encoder averaged over frames. */
  public static XClipConfig off(int frames) {
    return new XClipConfig(frames, false, false, DEFAULT_MIT_LAYERS, false, DEFAULT_PROMPT_LAYERS, 0f);
  }

  public XClipConfig withFrames(int t) {
    return new XClipConfig(t, crossFrameAttention, mit, mitLayers, prompts, promptLayers, dropPath);
  }

  public XClipConfig withParts(boolean cct, boolean useMit, boolean usePrompts) {
    return new XClipConfig(frames, cct, useMit, mitLayers, usePrompts, promptLayers, dropPath);
  }
}
