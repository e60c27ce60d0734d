package io.vclip.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A constant as a 0-d tensor that the engine allocated, for arithmetic inside a differentiated graph.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code maximum}, {@code minimum} …) wraps the
 * number in a tensor over a JVM direct buffer and closes that tensor at once. Autograd keeps it for
 * the backward pass, but nothing keeps the buffer reachable, so a garbage collection between forward
 * and backward frees the memory under it and the backward reads freed memory: NaN or garbage
 * gradients. The trainer hit this on the first step after a resume, when a full GC fell inside the
 * step ({@code GcDuringBackwardTest}). Always write {@code x.mul(NativeScalar.like(x, c))}, never
 * {@code x.mul(c)}, where a gradient flows through {@code x}.
 */
public final class NativeScalar {
  private NativeScalar() {}

  /** {@code value} as a 0-d tensor of {@code x}'s type, in {@code x}'s manager (so the step scope frees it). */
  public static NDArray like(NDArray x, double value) {
    NDManager manager = x.getManager();
    DataType type = x.getDataType();
    float high = (float) value;
    if (type != DataType.FLOAT64 || high == value) {
      return manager.full(new Shape(), high, type);
    }
    // The engine's full() takes a float; a double constant is the sum of its float head and tail,
    // exact to about 1e-14 relative (a float64 objective's margins and means must not round to float).
    try (NDArray head = manager.full(new Shape(), high, type)) {
      try (NDArray tail = manager.full(new Shape(), (float) (value - high), type)) {
        return head.add(tail);
      }
    }
  }
}
