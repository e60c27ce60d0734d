package io.vclip.trainer.distributed.optim;

import io.vclip.trainer.checkpoint.ZeroSlices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One rank's slice of the AdamW state, as flat arrays for a checkpoint shard: the first and second
 * moments of the floats [rank·S, (rank+1)·S) of the flat parameter vector (see {@link ShardLayout}),
 * and the number of updates taken (AdamW's bias-correction t and the schedule position).
 */
public record OptimizerState(long updates, long totalFloats, int rank, int worldSize, float[] m, float[] v) {

  public OptimizerState {
    ShardLayout layout = new ShardLayout(totalFloats, worldSize);
    if (rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException("optimizer state of rank " + rank + " in a group of " + worldSize);
    }
    if (m.length != layout.shardFloats() || v.length != layout.shardFloats()) {
      throw new IllegalArgumentException("optimizer state of rank " + rank + " holds " + m.length + "/" + v.length
          + " floats for m/v; a shard of " + totalFloats + " floats over " + worldSize + " ranks has "
          + layout.shardFloats());
    }
    if (updates < 0) {
      throw new IllegalArgumentException("optimizer update count " + updates + " is negative");
    }
  }

  public ShardLayout layout() {
    return new ShardLayout(totalFloats, worldSize);
  }

  /**
   * Re-cuts the state written by W ranks for W' ranks: concatenate the slices in rank order, drop the
   * old padding, cut again with zero padding at the end.
   */
  public static List<OptimizerState> reshard(List<OptimizerState> slices, int newWorldSize) {
    if (slices.isEmpty()) {
      throw new IllegalArgumentException("no optimizer state slices to reshard");
    }
    OptimizerState first = slices.get(0);
    if (slices.size() != first.worldSize()) {
      throw new IllegalArgumentException("optimizer state was written by " + first.worldSize() + " ranks but "
          + slices.size() + " slices were given");
    }
    for (int r = 0; r < slices.size(); r++) {
      OptimizerState s = slices.get(r);
      if (s.rank() != r || s.worldSize() != first.worldSize() || s.totalFloats() != first.totalFloats()
          || s.updates() != first.updates()) {
        throw new IllegalArgumentException("optimizer state slice " + r + " (rank " + s.rank() + " of "
            + s.worldSize() + ", " + s.totalFloats() + " floats, update " + s.updates()
            + ") does not belong with slice 0 (" + first.worldSize() + " ranks, " + first.totalFloats()
            + " floats, update " + first.updates() + ")");
      }
    }
    // The checkpoint's slicing convention is the one definition of who owns which floats.
    float[] fullM = ZeroSlices.concatenate(slices.stream().map(OptimizerState::m).toList(), first.totalFloats());
    float[] fullV = ZeroSlices.concatenate(slices.stream().map(OptimizerState::v).toList(), first.totalFloats());
    List<OptimizerState> out = new ArrayList<>(newWorldSize);
    for (int r = 0; r < newWorldSize; r++) {
      out.add(new OptimizerState(first.updates(), first.totalFloats(), r, newWorldSize,
          ZeroSlices.slice(fullM, r, newWorldSize), ZeroSlices.slice(fullV, r, newWorldSize)));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptimizerState s && updates == s.updates && totalFloats == s.totalFloats
        && rank == s.rank && worldSize == s.worldSize && Arrays.equals(m, s.m) && Arrays.equals(v, s.v);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(updates) * 31 + Arrays.hashCode(m) * 17 + Arrays.hashCode(v) + rank;
  }

  @Override
  public String toString() {
    return "OptimizerState[rank " + rank + "/" + worldSize + ", update " + updates + ", " + m.length + "+"
        + v.length + " floats]";
  }
}
