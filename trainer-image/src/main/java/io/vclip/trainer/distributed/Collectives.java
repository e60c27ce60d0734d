package io.vclip.trainer.distributed;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;

/**
 * Collective operations of one process group over float32 data, the contract every backend keeps
 * (Gloo over TCP on CPU now; NCCL for GPUs can implement the same methods later).
 *
 * <p>Buffers are direct, in native byte order, and the floats between their position and limit take
 * part; the positions are not moved. Calls are blocking, and every rank must issue the same
 * sequence of collectives with the same sizes. A lost peer or a timeout throws {@link
 * CollectiveException}; the group is unusable afterwards.
 */
public interface Collectives extends AutoCloseable {

  /** This process's rank, 0 ≤ rank < worldSize. */
  int rank();

  int worldSize();

  /** Reduces {@code data} across ranks in place; every rank ends with the same result. */
  void allReduce(ByteBuffer data, ReduceOp op);

  /** In place on a contiguous CPU float32 tensor (its memory is shared, not copied). */
  default void allReduce(NDArray array, ReduceOp op) {
    allReduce(TensorMemory.shared(array), op);
  }

  /**
   * Reduces {@code input} (worldSize equal chunks) across ranks and writes this rank's reduced chunk
   * ({@code rank}-th) into {@code output}, which holds exactly one chunk. Equal chunks keep the
   * contract NCCL-compatible; callers pad.
   */
  void reduceScatter(ByteBuffer input, ByteBuffer output, ReduceOp op);

  /** Concatenates every rank's {@code input} in rank order into {@code output} (worldSize × input). */
  void allGather(ByteBuffer input, ByteBuffer output);

  /** Copies {@code root}'s {@code data} into every other rank's {@code data}. */
  void broadcast(ByteBuffer data, int root);

  /** Returns once every rank has entered the barrier. */
  void barrier();

  @Override
  void close();
}
