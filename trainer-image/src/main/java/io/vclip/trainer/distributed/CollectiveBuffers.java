package io.vclip.trainer.distributed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Checks that a buffer handed to a collective can be read in place as float32 by native code. */
public final class CollectiveBuffers {
  private CollectiveBuffers() {}

  /** Number of floats between position and limit; rejects heap, misaligned or big-endian buffers. */
  public static int floatCount(ByteBuffer buffer, String name) {
    if (!buffer.isDirect()) {
      throw new IllegalArgumentException(name + " must be a direct buffer (native code reads it in place)");
    }
    if (buffer.order() != ByteOrder.nativeOrder()) {
      throw new IllegalArgumentException(name + " must be in native byte order (ByteBuffer.order(nativeOrder()))");
    }
    if (buffer.remaining() % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          name + " holds " + buffer.remaining() + " bytes, not a whole number of float32 values");
    }
    return buffer.remaining() / Float.BYTES;
  }

  /** A float view of the buffer's remaining bytes (index 0 = the buffer's position). */
  public static FloatBuffer floats(ByteBuffer buffer) {
    return buffer.slice().order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** A new zeroed direct buffer for {@code count} floats in native order. */
  public static ByteBuffer allocate(long count) {
    if (count * Float.BYTES > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a single buffer holds at most 512M floats, asked for " + count);
    }
    return ByteBuffer.allocateDirect((int) (count * Float.BYTES)).order(ByteOrder.nativeOrder());
  }
}
