package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies values computed on the JVM (the PCE basis and masks) into new tensors through one reused
 * direct buffer. {@code NDManager.create(double[])} allocates a fresh off-heap buffer that only a
 * garbage collection frees (STACK.md), which a per-step upload would pile up. The tensor is a native
 * copy, so the buffer can be refilled while earlier tensors are still in the autograd graph. One
 * instance per training thread.
 */
final class TensorUpload {
  private ByteBuffer buffer = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());

  NDArray copy(NDManager manager, double[] values, Shape shape, DataType type) {
    int bytes = values.length * Double.BYTES;
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect(Math.max(bytes, 2 * buffer.capacity())).order(ByteOrder.nativeOrder());
    }
    buffer.clear();
    buffer.asDoubleBuffer().put(values);
    buffer.limit(bytes);
    try (NDArray view = manager.create(buffer, shape, DataType.FLOAT64)) {
      return type == DataType.FLOAT64 ? view.duplicate() : view.toType(type, true);
    }
  }
}
