package io.vclip.trainer.model;

/**
 * The CLIP text transformer. {@code contextLength} is 248 for Long-CLIP (stretched from CLIP's 77); the
 * first {@link #KEPT_POSITIONS} positions are kept frozen as in Long-CLIP.
 */
public record TextConfig(int vocabSize, int contextLength, int width, int layers, int heads) {
  /** Long-CLIP keeps CLIP's first 20 positions unchanged and frozen (they are the well-trained ones). */
  public static final int KEPT_POSITIONS = 20;

  public static final int LONG_CONTEXT = 248;

  public TextConfig {
    ConfigCheck.positive("text.vocab_size", vocabSize);
    ConfigCheck.require(
        contextLength > KEPT_POSITIONS,
        "text.context_length",
        "must be > " + KEPT_POSITIONS + " (the frozen Long-CLIP positions), got " + contextLength);
    ConfigCheck.positive("text.width", width);
    ConfigCheck.positive("text.layers", layers);
    ConfigCheck.positive("text.heads", heads);
    ConfigCheck.require(
        width % heads == 0, "text.heads", "(" + heads + ") must divide text.width (" + width + ")");
  }
}
