package io.vclip.trainer.distributed;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory of a CPU float32 tensor as a direct buffer, shared rather than copied, so collectives
 * and the optimizer read and write the tensor in place. The buffer does not keep the tensor alive:
 * use it only while the tensor is open.
 */
public final class TensorMemory {
  private TensorMemory() {}

  public static ByteBuffer shared(NDArray array) {
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException(
          "tensor " + describe(array) + " is " + array.getDataType() + "; collectives take float32");
    }
    if (!Device.Type.CPU.equals(array.getDevice().getDeviceType())) {
      throw new IllegalArgumentException("tensor " + describe(array) + " lives on " + array.getDevice()
          + "; the Gloo backend works on CPU tensors");
    }
    ByteBuffer buffer = array.toByteBuffer(true);
    if (!buffer.isDirect()) {
      throw new IllegalArgumentException("tensor " + describe(array) + " does not expose its memory directly");
    }
    return buffer.order(ByteOrder.nativeOrder());
  }

  private static String describe(NDArray array) {
    String name = array.getName();
    return (name == null ? "" : name + " ") + array.getShape();
  }
}
