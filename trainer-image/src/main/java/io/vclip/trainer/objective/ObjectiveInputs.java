package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The features one training step hands the objective; none needs to be normalised. A part that is
 * switched off may receive {@code null} for the inputs only it uses.
 *
 * @param video f_v {@code (B, D)}
 * @param longText f_lt {@code (B, D)}, or {@code (B, B, D)} with X-CLIP video-specific prompts (text i
 *     conditioned on video j)
 * @param shortText f_st, same layouts as {@code longText}
 * @param ddrText DDR sequence {@code (B, m, D)}, each description paired with its own sample's video,
 *     index 0 the original description, detail decreasing with the index
 * @param hdrText HDR sequence {@code (B, m, D)}, index 0 the original, hallucination increasing
 * @param logitScale the learnable log inverse temperature, one element
 */
public record ObjectiveInputs(
    NDArray video,
    NDArray longText,
    NDArray shortText,
    NDArray ddrText,
    NDArray hdrText,
    NDArray logitScale) {

  public ObjectiveInputs {
    if (video == null || video.getShape().dimension() != 2 || video.getShape().get(0) < 1) {
      throw new IllegalArgumentException(
          "objective inputs: video must be (B, D) with B >= 1, got " + shapeOf(video));
    }
    if (logitScale == null || logitScale.size() != 1) {
      throw new IllegalArgumentException(
          "objective inputs: logitScale must hold one element, got " + shapeOf(logitScale));
    }
    long b = video.getShape().get(0);
    long d = video.getShape().get(1);
    requireText("longText", longText, b, d);
    requireText("shortText", shortText, b, d);
    requireSequence("ddrText", ddrText, b, d);
    requireSequence("hdrText", hdrText, b, d);
  }

  public int batchSize() {
    return Math.toIntExact(video.getShape().get(0));
  }

  /** A part's own input, which only a switched-off part may leave out. */
  static NDArray required(NDArray value, String field, String part) {
    if (value == null) {
      throw new IllegalArgumentException(
          "objective inputs: " + field + " is required while spec.objective." + part + " is enabled");
    }
    return value;
  }

  private static void requireText(String field, NDArray text, long b, long d) {
    if (text == null) {
      return;
    }
    Shape shape = text.getShape();
    if (!shape.equals(new Shape(b, d)) && !shape.equals(new Shape(b, b, d))) {
      throw new IllegalArgumentException(
          "objective inputs: " + field + " must be (" + b + ", " + d + ") or (" + b + ", " + b + ", " + d
              + ") to match video, got " + shape);
    }
  }

  private static void requireSequence(String field, NDArray sequence, long b, long d) {
    if (sequence == null) {
      return;
    }
    Shape shape = sequence.getShape();
    if (shape.dimension() != 3 || shape.get(0) != b || shape.get(2) != d || shape.get(1) < 2) {
      throw new IllegalArgumentException(
          "objective inputs: " + field + " must be (" + b + ", m, " + d + ") with m >= 2, got " + shape);
    }
  }

  private static String shapeOf(NDArray array) {
    return array == null ? "null" : array.getShape().toString();
  }
}
