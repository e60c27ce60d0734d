package io.vclip.trainer.data.synthetic;

/**
 * How an object moves over the clip: a straight displacement of {@link #TRAVEL} frame sides from
 * the first frame to the last, or none.
 */
public enum Motion {
  LEFT("moving left", -1, 0, Region.LEFT),
  RIGHT("moving right", 1, 0, Region.RIGHT),
  UP("moving up", 0, -1, Region.TOP),
  DOWN("moving down", 0, 1, Region.BOTTOM),
  STILL("staying still", 0, 0, null);

  /** Total displacement over the clip, in frame sides; small enough to stay inside the frame. */
  public static final double TRAVEL = 0.25;

  private final String phrase;
  private final int dx;
  private final int dy;
  private final Region edgeItLeavesThrough;

  Motion(String phrase, int dx, int dy, Region edgeItLeavesThrough) {
    this.phrase = phrase;
    this.dx = dx;
    this.dy = dy;
    this.edgeItLeavesThrough = edgeItLeavesThrough;
  }

  public String phrase() {
    return phrase;
  }

  /** Horizontal direction: −1, 0 or +1 (image x grows to the right). */
  public int dx() {
    return dx;
  }

  /** Vertical direction: −1, 0 or +1 (image y grows downwards). */
  public int dy() {
    return dy;
  }

  /**
   * Whether an object starting in {@code region} stays in the frame: an object that starts at an
   * edge may not move towards that edge, so every frame shows every object whole.
   */
  public boolean allowedFrom(Region region) {
    return edgeItLeavesThrough != region;
  }
}
