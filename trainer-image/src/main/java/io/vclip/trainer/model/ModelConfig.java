package io.vclip.trainer.model;

/**
 * Everything that fixes the architecture (and so every parameter's name and shape). Validated on
 * construction; errors name the offending field.
 *
 * @param embedDim D, the joint video–text space
 */
public record ModelConfig(
    String name, VisionConfig vision, TextConfig text, XClipConfig xclip, int embedDim) {
  public ModelConfig {
    ConfigCheck.require(vision != null, "vision", "is required");
    ConfigCheck.require(text != null, "text", "is required");
    ConfigCheck.require(xclip != null, "xclip", "is required");
    ConfigCheck.positive("embed_dim", embedDim);
    // X-CLIP's MIT and prompt generator use D/64 heads (at least one here, so tiny models work).
    ConfigCheck.require(
        embedDim % headsOf(embedDim) == 0,
        "embed_dim",
        "(" + embedDim + ") must be divisible by max(1, embed_dim / 64), the X-CLIP head count");
  }

  /** Heads of the MIT and prompt-generator attention: D/64 as in X-CLIP, at least 1. */
  public int xclipHeads() {
    return headsOf(embedDim);
  }

  private static int headsOf(int d) {
    return Math.max(1, d / 64);
  }

  public ModelConfig withXClip(XClipConfig x) {
    return new ModelConfig(name, vision, text, x, embedDim);
  }

  public ModelConfig withEmbedDim(int d) {
    return new ModelConfig(name, vision, text, xclip, d);
  }
}
