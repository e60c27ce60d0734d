package io.vclip.trainer.distributed.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.vclip.trainer.distributed.TensorMemory;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainable parameters laid end to end as one flat float vector (the order of the list the
 * model gives, identical on every rank). Moves values and gradients between the tensors and flat
 * buffers through the tensors' own memory, without NDArray copies.
 */
final class FlatParameters {

  /** One parameter's place in the flat vector. */
  record Span(String name, Parameter parameter, long offset, int size) {}

  private final List<Span> spans;
  private final long totalFloats;

  FlatParameters(PairList<String, Parameter> parameters) {
    List<Span> list = new ArrayList<>();
    long offset = 0;
    for (Pair<String, Parameter> entry : parameters) {
      Parameter p = entry.getValue();
      if (!p.requiresGradient()) {
        continue; // frozen: not the optimizer's business
      }
      if (!p.isInitialized()) {
        throw new IllegalArgumentException("parameter " + entry.getKey() + " is not initialized; initialize the"
            + " model before creating the optimizer");
      }
      long size = p.getArray().size();
      list.add(new Span(entry.getKey(), p, offset, Math.toIntExact(size)));
      offset += size;
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no trainable parameters were given to the optimizer");
    }
    this.spans = List.copyOf(list);
    this.totalFloats = offset;
  }

  List<Span> spans() {
    return spans;
  }

  long totalFloats() {
    return totalFloats;
  }

  /** Writes every parameter's gradient at its offset in {@code flat}. */
  void gradientsInto(FloatBuffer flat) {
    for (Span s : spans) {
      try (NDArray grad = s.parameter().getArray().getGradient()) {
        flat.put(Math.toIntExact(s.offset()), floats(grad), 0, s.size());
      }
    }
  }

  /** Copies [from, from+length) of the flat parameter vector into {@code out} at {@code outIndex}. */
  void valuesInto(long from, int length, FloatBuffer out, int outIndex) {
    forEachOverlap(from, length, (span, inSpan, inRange, n) ->
        out.put(outIndex + inRange, floats(span.parameter().getArray()), inSpan, n));
  }

  /** Overwrites every parameter with its floats of {@code flat}. */
  void valuesFrom(FloatBuffer flat) {
    for (Span s : spans) {
      floats(s.parameter().getArray()).put(0, flat, Math.toIntExact(s.offset()), s.size());
    }
  }

  /** The parameters whose gradient holds a NaN or an infinity, for the log line of a skipped step. */
  List<String> withNonFiniteGradient() {
    List<String> names = new ArrayList<>();
    for (Span s : spans) {
      try (NDArray grad = s.parameter().getArray().getGradient()) {
        FloatBuffer f = floats(grad);
        for (int i = 0; i < s.size(); i++) {
          if (!Float.isFinite(f.get(i))) {
            names.add(s.name());
            break;
          }
        }
      }
    }
    return names;
  }

  /** GradientCollector never zeroes gradients (STACK.md): the optimizer does after each update. */
  void zeroGradients() {
    for (Span s : spans) {
      try (NDArray grad = s.parameter().getArray().getGradient()) {
        FloatBuffer f = floats(grad);
        for (int i = 0; i < s.size(); i++) {
          f.put(i, 0f);
        }
      }
    }
  }

  interface OverlapAction {
    void accept(Span span, int offsetInSpan, int offsetInRange, int length);
  }

  /** Visits the pieces of each parameter inside the flat range [from, from+length). */
  void forEachOverlap(long from, int length, OverlapAction action) {
    long end = from + length;
    for (Span s : spans) {
      long start = Math.max(from, s.offset());
      long stop = Math.min(end, s.offset() + s.size());
      if (start < stop) {
        action.accept(s, (int) (start - s.offset()), (int) (start - from), (int) (stop - start));
      }
    }
  }

  private static FloatBuffer floats(NDArray array) {
    return TensorMemory.shared(array).asFloatBuffer();
  }
}
