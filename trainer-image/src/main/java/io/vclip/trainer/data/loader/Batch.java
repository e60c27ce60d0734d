package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.Captions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * One batch for a training step. {@code frameBytes} is the loader's own direct buffer of float32
 * in native byte order, laid out (B, T, 3, H, W) and CLIP-normalised; it is refilled by the next
 * call to {@link VideoDataLoader#next()}. Hand it to DJL as a direct {@link ByteBuffer}:
 * {@code manager.create(batch.frameBytes(), new Shape(batch.shape()), DataType.FLOAT32)} shares
 * its memory, while any other buffer (a {@link FloatBuffer} view included) is copied into a new
 * off-heap buffer that only a GC frees (STACK.md).
 *
 * @param position the loader's position after this batch (what a checkpoint taken now stores)
 */
public record Batch(
    ByteBuffer frameBytes, long[] shape, List<String> keys, List<Captions> captions, LoaderPosition position) {

  /** The frames as floats (a view for reading on the JVM; give DJL {@link #frameBytes()}). */
  public FloatBuffer frames() {
    return frameBytes.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  public int size() {
    return keys.size();
  }
}
