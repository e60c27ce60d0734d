package io.vclip.trainer.data.frames;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * CLIP's geometry: scale so the shorter side matches the target, then take the centre crop. Frames
 * keep their aspect ratio, and the model's square input sees the middle of the picture.
 */
public final class FrameResizer {
  private final int width;
  private final int height;

  public FrameResizer(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  /** Always returns a new {@code TYPE_INT_RGB} image of the target size (callers read its int raster). */
  public BufferedImage resize(BufferedImage src) {
    double scale = Math.max((double) width / src.getWidth(), (double) height / src.getHeight());
    int scaledW = Math.max(width, (int) Math.round(src.getWidth() * scale));
    int scaledH = Math.max(height, (int) Math.round(src.getHeight() * scale));
    int x = (scaledW - width) / 2;
    int y = (scaledH - height) / 2;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      if (scaledW != src.getWidth() || scaledH != src.getHeight()) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      }
      g.drawImage(src, -x, -y, scaledW, scaledH, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }
}
