package io.vclip.trainer.distributed;

import java.nio.ByteBuffer;

/** The group of one: W=1 runs the same training code without any transport. */
public final class SingleProcessCollectives implements Collectives {

  @Override
  public int rank() {
    return 0;
  }

  @Override
  public int worldSize() {
    return 1;
  }

  @Override
  public void allReduce(ByteBuffer data, ReduceOp op) {
    CollectiveBuffers.floatCount(data, "all-reduce data");
  }

  @Override
  public void reduceScatter(ByteBuffer input, ByteBuffer output, ReduceOp op) {
    copy(input, output, "reduce-scatter");
  }

  @Override
  public void allGather(ByteBuffer input, ByteBuffer output) {
    copy(input, output, "all-gather");
  }

  @Override
  public void broadcast(ByteBuffer data, int root) {
    if (root != 0) {
      throw new IllegalArgumentException("broadcast root " + root + " is not a rank of a group of 1");
    }
  }

  @Override
  public void barrier() {}

  @Override
  public void close() {}

  private static void copy(ByteBuffer input, ByteBuffer output, String what) {
    int in = CollectiveBuffers.floatCount(input, what + " input");
    int out = CollectiveBuffers.floatCount(output, what + " output");
    if (in != out) {
      throw new IllegalArgumentException(what + " with 1 rank needs input and output of equal size, got "
          + in + " and " + out + " floats");
    }
    output.duplicate().put(input.duplicate());
  }
}
