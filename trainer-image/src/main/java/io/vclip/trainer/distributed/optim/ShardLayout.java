package io.vclip.trainer.distributed.optim;

import io.vclip.trainer.checkpoint.ZeroSlices;

/**
 * How the flat vector of all trainable parameters (N floats, in parameter order) is cut into W
 * equal shards: shard size S = ⌈N/W⌉, rank r owns [r·S, (r+1)·S), and the last W·S − N slots are
 * padding (always zero). The full optimizer state is the shards concatenated in rank order, cut at N.
 * The arithmetic is the checkpoint's ({@link ZeroSlices}): what a rank optimises is what it saves.
 */
public record ShardLayout(long totalFloats, int worldSize) {

  public ShardLayout {
    if (totalFloats < 1 || worldSize < 1) {
      throw new IllegalArgumentException("a shard layout needs ≥ 1 float and ≥ 1 rank, got " + totalFloats
          + " floats over " + worldSize + " ranks");
    }
  }

  public int shardFloats() {
    long s = ZeroSlices.chunk(totalFloats, worldSize);
    if (s > Integer.MAX_VALUE / Float.BYTES) {
      throw new IllegalArgumentException("a shard of " + s + " floats is too large for one buffer; use more ranks");
    }
    return (int) s;
  }

  public long paddedFloats() {
    return (long) shardFloats() * worldSize;
  }

  public long shardStart(int rank) {
    return (long) rank * shardFloats();
  }

  /** Floats of rank's shard that hold real parameters (the rest is padding). */
  public int realFloats(int rank) {
    return (int) ZeroSlices.range(totalFloats, rank, worldSize).length();
  }
}
