package io.vclip.trainer.data.synthetic;

/**
 * Where an object starts (its centre in the first frame, in units of the frame side). Neighbouring
 * start points are 0.34 apart, more than two large half-extents (2 × 0.15) plus rounding, so
 * objects never touch in the first frame.
 */
public enum Region {
  LEFT("on the left", 0.16, 0.5),
  RIGHT("on the right", 0.84, 0.5),
  TOP("at the top", 0.5, 0.16),
  BOTTOM("at the bottom", 0.5, 0.84),
  CENTRE("in the centre", 0.5, 0.5);

  private final String phrase;
  private final double x;
  private final double y;

  Region(String phrase, double x, double y) {
    this.phrase = phrase;
    this.x = x;
    this.y = y;
  }

  public String phrase() {
    return phrase;
  }

  public double x() {
    return x;
  }

  public double y() {
    return y;
  }

  /** The region whose start point is nearest to (x, y), both in units of the frame side. */
  public static Region nearest(double x, double y) {
    Region best = CENTRE;
    double bestDistance = Double.MAX_VALUE;
    for (Region region : values()) {
      double distance = Math.hypot(region.x - x, region.y - y);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = region;
      }
    }
    return best;
  }
}
