package io.vclip.trainer.data.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Scene} as T square frames. No anti-aliasing: every object pixel has exactly its
 * palette colour, which keeps colours recoverable from pixels and rendering cheap.
 */
public final class SceneRenderer {

  public static final Color BACKGROUND = Color.BLACK;

  private final int frames;
  private final int side;

  public SceneRenderer(int frames, int side) {
    this.frames = frames;
    this.side = side;
  }

  public List<BufferedImage> render(Scene scene) {
    List<BufferedImage> images = new ArrayList<>(frames);
    for (int t = 0; t < frames; t++) {
      double progress = frames == 1 ? 0 : (double) t / (frames - 1);
      BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, side, side);
      for (ShapeGroup group : scene.groups()) {
        g.setColor(group.colour().rgb());
        for (Region region : group.regions()) {
          double x = region.x() + group.motion().dx() * Motion.TRAVEL * progress;
          double y = region.y() + group.motion().dy() * Motion.TRAVEL * progress;
          draw(g, group.shape(), x * side, y * side, group.size().halfExtent() * side);
        }
      }
      g.dispose();
      images.add(image);
    }
    return images;
  }

  private static void draw(Graphics2D g, ShapeKind shape, double cx, double cy, double half) {
    int left = (int) Math.round(cx - half);
    int top = (int) Math.round(cy - half);
    int width = (int) Math.round(2 * half);
    switch (shape) {
      case CIRCLE -> g.fillOval(left, top, width, width);
      case SQUARE -> g.fillRect(left, top, width, width);
      case TRIANGLE ->
          g.fillPolygon(
              new int[] {left, left + width / 2, left + width},
              new int[] {top + width, top, top + width},
              3);
      case DIAMOND ->
          g.fillPolygon(
              new int[] {left + width / 2, left + width, left + width / 2, left},
              new int[] {top, top + width / 2, top + width, top + width / 2},
              4);
      case CROSS -> {
        // Arms one third of the width thick, so the shape reads as a plus sign even when small.
        int arm = Math.max(1, width / 3);
        g.fillRect(left, top + (width - arm) / 2, width, arm);
        g.fillRect(left + (width - arm) / 2, top, arm, width);
      }
    }
  }
}
