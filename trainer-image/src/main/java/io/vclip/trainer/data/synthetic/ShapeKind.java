package io.vclip.trainer.data.synthetic;

/** The shapes the world draws; each knows its noun (singular and plural) for the descriptions. */
public enum ShapeKind {
  CIRCLE("circle"),
  SQUARE("square"),
  TRIANGLE("triangle"),
  DIAMOND("diamond"),
  CROSS("cross", "crosses");

  private final String singular;
  private final String plural;

  ShapeKind(String singular) {
    this(singular, singular + "s");
  }

  ShapeKind(String singular, String plural) {
    this.singular = singular;
    this.plural = plural;
  }

  public String noun(int count) {
    return count == 1 ? singular : plural;
  }
}
