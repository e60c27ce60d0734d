package io.vclip.trainer.data.synthetic;

import java.awt.Color;

/**
 * The closed palette of the synthetic world. The RGB values are far apart (no two closer than ~100
 * in any channel pair that matters) so that a colour is recoverable from a single pixel and a model
 * cannot confuse two colours for reasons of rendering; the background is black and never one of
 * them.
 */
public enum Colour {
  RED("red", 220, 40, 40),
  GREEN("green", 40, 190, 60),
  BLUE("blue", 50, 90, 240),
  YELLOW("yellow", 240, 225, 40),
  WHITE("white", 245, 245, 245),
  PURPLE("purple", 150, 50, 210),
  ORANGE("orange", 250, 140, 20),
  CYAN("cyan", 40, 215, 220);

  private final String word;
  private final Color rgb;

  Colour(String word, int r, int g, int b) {
    this.word = word;
    this.rgb = new Color(r, g, b);
  }

  public String word() {
    return word;
  }

  public Color rgb() {
    return rgb;
  }
}
