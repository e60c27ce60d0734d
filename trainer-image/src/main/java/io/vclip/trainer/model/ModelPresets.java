package io.vclip.trainer.model;

import io.vclip.trainer.VclipUserException;
import java.util.List;

/**
 * Named architectures. The ViT presets are OpenAI CLIP's published towers (text stretched to Long-CLIP's
 * 248 positions) with every X-CLIP part on; {@code tiny} is for tests and the laptop quickstart.
 */
public final class ModelPresets {
  public static final String TINY = "tiny";
  public static final String VIT_B_32 = "ViT-B/32";
  public static final String VIT_B_16 = "ViT-B/16";
  public static final String VIT_L_14 = "ViT-L/14";
  public static final int DEFAULT_FRAMES = 8;
  /** Vocabulary of the tiny preset unless a caller sizes it to its own tokenizer. */
  public static final int TINY_VOCAB = 512;
  private static final int CLIP_VOCAB = 49408;

  private ModelPresets() {}

  public static List<String> names() {
    return List.of(TINY, VIT_B_32, VIT_B_16, VIT_L_14);
  }

  /** The named preset with T frames (X-CLIP publishes 8 and 16). */
  public static ModelConfig get(String name, int frames) {
    XClipConfig x = XClipConfig.full(frames);
    int ctx = TextConfig.LONG_CONTEXT;
    return switch (name) {
      case TINY -> tiny(frames, TINY_VOCAB);
      case VIT_B_32 -> new ModelConfig(
          name, new VisionConfig(224, 32, 768, 12, 12), new TextConfig(CLIP_VOCAB, ctx, 512, 12, 8), x, 512);
      case VIT_B_16 -> new ModelConfig(
          name, new VisionConfig(224, 16, 768, 12, 12), new TextConfig(CLIP_VOCAB, ctx, 512, 12, 8), x, 512);
      case VIT_L_14 -> new ModelConfig(
          name,
          new VisionConfig(224, 14, 1024, 24, 16),
          new TextConfig(CLIP_VOCAB, ctx, 768, 12, 12),
          x,
          768);
      default -> throw new VclipUserException(
          "model preset: unknown name '" + name + "' (known: " + String.join(", ", names()) + ")");
    };
  }

  /** 32 px frames, 8 px patches, width 64, two layers per tower: forward+backward well under a second. */
  public static ModelConfig tiny(int frames, int vocabSize) {
    return new ModelConfig(
        TINY,
        new VisionConfig(32, 8, 64, 2, 2),
        new TextConfig(vocabSize, TextConfig.LONG_CONTEXT, 64, 2, 2),
        XClipConfig.full(frames),
        64);
  }
}
