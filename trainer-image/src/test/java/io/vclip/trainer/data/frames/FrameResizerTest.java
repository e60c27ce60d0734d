package io.vclip.trainer.data.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FrameResizerTest {
  /** A 60×20 strip: red, green, blue thirds. */
  static BufferedImage strip() {
    BufferedImage img = new BufferedImage(60, 20, BufferedImage.TYPE_3BYTE_BGR);
    var g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 20, 20);
    g.setColor(Color.GREEN);
    g.fillRect(20, 0, 20, 20);
    g.setColor(Color.BLUE);
    g.fillRect(40, 0, 20, 20);
    g.dispose();
    return img;
  }

  @Test
  void scalesTheShortSideAndKeepsTheCentre() {
    BufferedImage out = new FrameResizer(10, 10).resize(strip());
    assertThat(out.getWidth()).isEqualTo(10);
    assertThat(out.getHeight()).isEqualTo(10);
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    // The short side 20 -> 10 makes the strip 30 wide; the centre 10 columns are the green third.
    for (int x : new int[] {1, 5, 8}) {
      Color c = new Color(out.getRGB(x, 5));
      assertThat(c.getGreen()).isGreaterThan(200);
      assertThat(c.getRed()).isLessThan(60);
      assertThat(c.getBlue()).isLessThan(60);
    }
  }

  @Test
  void sameSizeIsAnExactCopy() {
    BufferedImage src = strip();
    BufferedImage out = new FrameResizer(60, 20).resize(src);
    assertThat(out.getRGB(30, 10)).isEqualTo(src.getRGB(30, 10));
    assertThat(out.getRGB(59, 0)).isEqualTo(src.getRGB(59, 0));
    assertThatThrownBy(() -> new FrameResizer(0, 4)).hasMessageContaining("0x4");
  }
}
