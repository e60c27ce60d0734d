package io.vclip.trainer.data.synthetic;

/** Two sizes, as a half-extent in units of the frame side (see {@link Region} for the spacing). */
public enum ObjectSize {
  SMALL("small", 0.09),
  LARGE("large", 0.15);

  private final String word;
  private final double halfExtent;

  ObjectSize(String word, double halfExtent) {
    this.word = word;
    this.halfExtent = halfExtent;
  }

  public String word() {
    return word;
  }

  /** Half the object's width, as a fraction of the frame side. */
  public double halfExtent() {
    return halfExtent;
  }
}
