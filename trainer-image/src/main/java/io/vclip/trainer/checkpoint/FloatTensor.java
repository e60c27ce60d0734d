package io.vclip.trainer.checkpoint;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A float32 tensor to save or that was restored: its shape and its values in row-major order.
 *
 * <p>{@code values} may wrap a heap array or view a DJL tensor's memory without a copy
 * ({@code array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer()}); the writer reads
 * it from its position to its limit and never moves that position.
 */
public record FloatTensor(long[] shape, FloatBuffer values) {

  public FloatTensor {
    shape = shape.clone();
    long count = elementCount(shape);
    if (count != values.remaining()) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
          + " values but the buffer has " + values.remaining());
    }
  }

  public static FloatTensor of(float[] values, long... shape) {
    return new FloatTensor(shape, FloatBuffer.wrap(values));
  }

  /** A 1-D tensor over the whole array (optimizer vectors). */
  public static FloatTensor vector(float[] values) {
    return of(values, values.length);
  }

  static long elementCount(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The values as a new heap array. */
  public float[] toArray() {
    float[] out = new float[values.remaining()];
    values.duplicate().get(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && values.equals(t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + values.hashCode();
  }

  @Override
  public String toString() {
    return "FloatTensor" + Arrays.toString(shape);
  }
}
