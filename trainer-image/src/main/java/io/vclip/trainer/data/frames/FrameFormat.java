package io.vclip.trainer.data.frames;

import java.util.Locale;

/**
 * How frames are stored in a shard: JPEG at a quality (real video, where size matters) or PNG
 * (lossless, for the synthetic world whose pixel colours tests check exactly).
 */
public record FrameFormat(String extension, float jpegQuality) {
  public FrameFormat {
    if (!extension.equals("jpg") && !extension.equals("png")) {
      throw new IllegalArgumentException("frame format must be jpg or png, got '" + extension + "'");
    }
    if (jpegQuality <= 0 || jpegQuality > 1) {
      throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + jpegQuality);
    }
  }

  public static FrameFormat jpeg(float quality) {
    return new FrameFormat("jpg", quality);
  }

  public static FrameFormat png() {
    return new FrameFormat("png", 1f);
  }

  /** True for the file extensions a shard may hold frames in (lower case, without the dot). */
  public static boolean isFrameExtension(String ext) {
    String e = ext.toLowerCase(Locale.ROOT);
    return e.equals("jpg") || e.equals("jpeg") || e.equals("png");
  }
}
