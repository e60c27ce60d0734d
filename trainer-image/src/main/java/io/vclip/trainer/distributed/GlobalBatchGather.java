package io.vclip.trainer.distributed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;

/**
 * The contrastive objective's view of the global batch: every rank's features stacked in rank order,
 * where this rank's rows are its own autograd-tracked tensor and the other rows are constants.
 *
 * <p>DJL has no custom backward, so no gradient travels back to the rank that owns a row. The
 * objective compensates (docs/objective.md): it computes the full global-batch loss on every rank and
 * scales its local rows' gradient by W, so the parameter gradients averaged over ranks
 * ({@code ReduceOp.AVG}, the optimizer's default) are those of the global loss.
 *
 * <p>It is the objective's {@code FeatureGather} for a data-parallel run.
 */
public final class GlobalBatchGather implements io.vclip.trainer.objective.FeatureGather {
  private final Collectives collectives;
  // Reused across steps: direct buffers are freed only by a GC, so one per call would pile up.
  private ByteBuffer gathered = CollectiveBuffers.allocate(0);
  private ByteBuffer staging = CollectiveBuffers.allocate(0);
  private final ByteBuffer rowCounts;
  private final ByteBuffer allRowCounts;

  public GlobalBatchGather(Collectives collectives) {
    this.collectives = collectives;
    this.rowCounts = CollectiveBuffers.allocate(2);
    this.allRowCounts = CollectiveBuffers.allocate(2L * collectives.worldSize());
  }

  public int rank() {
    return collectives.rank();
  }

  public int worldSize() {
    return collectives.worldSize();
  }

  /**
   * Gathers {@code local} ({@code [B, ...]} float32 on CPU, same shape on every rank) into
   * {@code [W·B, ...]}; the result lives in {@code local}'s manager.
   */
  public NDArray gather(NDArray local) {
    int world = collectives.worldSize();
    if (world == 1) {
      return local;
    }
    Shape shape = local.getShape();
    if (shape.dimension() < 1 || local.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("gather takes float32 features of shape [batch, ...], got "
          + local.getDataType() + " " + shape);
    }
    long batch = shape.get(0);
    long rowSize = shape.size() / Math.max(batch, 1);
    checkSameShapeEverywhere(batch, rowSize);

    long total = shape.size() * world;
    if (gathered.capacity() < total * Float.BYTES) {
      gathered = CollectiveBuffers.allocate(total);
    }
    ByteBuffer output = gathered.duplicate().order(gathered.order());
    output.limit((int) (total * Float.BYTES));
    if (staging.capacity() < shape.size() * Float.BYTES) {
      staging = CollectiveBuffers.allocate(shape.size());
    }
    ByteBuffer input = staging.duplicate().order(staging.order());
    input.clear();
    input.put(local.toByteBuffer()).flip();
    collectives.allGather(input, output);

    NDManager manager = local.getManager();
    Shape globalShape = new Shape(batch * world).addAll(shape.slice(1));
    // duplicate(): the shared buffer is refilled on the next call, the result must not change then.
    try (NDArray view = manager.create(output, globalShape, DataType.FLOAT32)) {
      NDArray all = view.duplicate();
      int r = collectives.rank();
      NDList parts = new NDList();
      if (r > 0) {
        parts.add(all.get("0:" + r * batch));
      }
      parts.add(local);
      if (r < world - 1) {
        parts.add(all.get((r + 1) * batch + ":"));
      }
      NDArray result = NDArrays.concat(parts, 0);
      all.close();
      return result;
    }
  }

  private void checkSameShapeEverywhere(long batch, long rowSize) {
    rowCounts.clear();
    rowCounts.putFloat(0, batch).putFloat(Float.BYTES, rowSize);
    collectives.allGather(rowCounts, allRowCounts);
    StringBuilder sizes = new StringBuilder();
    boolean same = true;
    for (int r = 0; r < collectives.worldSize(); r++) {
      float b = allRowCounts.getFloat(2 * r * Float.BYTES);
      float d = allRowCounts.getFloat((2 * r + 1) * Float.BYTES);
      same &= b == batch && d == rowSize;
      sizes.append(r == 0 ? "" : ", ").append("rank ").append(r).append(": ").append((long) b)
          .append("×").append((long) d);
    }
    if (!same) {
      throw new IllegalStateException(
          "feature gather needs the same local batch and feature size on every rank, got " + sizes);
    }
  }
}
