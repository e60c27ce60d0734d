package io.vclip.trainer.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Moves a DJL block's parameters into and out of checkpoints by their DJL names (which come from the
 * child block names, so they are stable across runs).
 */
public final class DjlParameters {
  private DjlParameters() {}

  /**
   * Every parameter of {@code block}, viewing the tensors' memory without a copy (CPU, float32); valid
   * until the parameters change, so hand the result to {@link CheckpointStore#prepare} (or
   * {@link AsyncCheckpointWriter#submit}) before the next optimizer step.
   */
  public static Map<String, FloatTensor> of(Block block) {
    Map<String, FloatTensor> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.put(p.getKey(), view(p.getKey(), p.getValue().getArray()));
    }
    return out;
  }

  /** A float32 tensor as a {@link FloatTensor}; direct (no copy) where DJL can share the memory. */
  public static FloatTensor view(String name, NDArray array) {
    if (array.getDataType() != DataType.FLOAT32) {
      throw new CheckpointException("parameter '" + name + "' is " + array.getDataType()
          + "; checkpoints hold float32 (keep float32 master weights)");
    }
    return new FloatTensor(array.getShape().getShape(),
        array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer());
  }

  /**
   * Writes the values into the tensor's own memory. {@code NDArray.set} would instead re-point the
   * CPU tensor at a JVM direct buffer ({@code set_} on a raw pointer), after which the parameter's
   * memory lives only as long as DJL's Java reference to that buffer does.
   */
  private static void overwrite(NDArray array, FloatTensor t) {
    ByteBuffer memory = array.toByteBuffer(true);
    if (memory.isDirect() && !array.getDevice().isGpu()) {
      memory.order(ByteOrder.nativeOrder()).asFloatBuffer().put(t.values().duplicate());
    } else {
      array.set(t.values().duplicate());
    }
  }

  /**
   * Copies restored tensors into {@code block}'s parameters. Names and shapes must match exactly:
   * a renamed or resized parameter fails here, naming it, instead of training from a half-loaded model.
   */
  public static void load(Block block, Map<String, FloatTensor> model) {
    TreeSet<String> missing = new TreeSet<>();
    TreeSet<String> unused = new TreeSet<>(model.keySet());
    for (Pair<String, Parameter> p : block.getParameters()) {
      String name = p.getKey();
      FloatTensor t = model.get(name);
      if (t == null) {
        missing.add(name);
        continue;
      }
      unused.remove(name);
      NDArray array = p.getValue().getArray();
      long[] shape = array.getShape().getShape();
      if (!Arrays.equals(shape, t.shape())) {
        throw new CheckpointException("parameter '" + name + "' has shape " + Arrays.toString(shape)
            + " in the model but " + Arrays.toString(t.shape()) + " in the checkpoint");
      }
      overwrite(array, t);
    }
    if (!missing.isEmpty() || !unused.isEmpty()) {
      throw new CheckpointException("the checkpoint does not fit the model: missing " + missing
          + ", not in the model " + unused);
    }
  }
}
