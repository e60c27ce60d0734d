package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.ShardEntry;
import io.vclip.trainer.data.shard.ShardIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Which records one lane reads in one epoch. All ranks shuffle the shard list the same way (seed,
 * epoch), concatenate the shards into one stream of N records, drop the last N mod L, and cut the
 * rest into L equal contiguous ranges, one per lane (L = the global batch's slots, see
 * {@link RankEpoch}). Lanes thus get disjoint records and exactly the same count, whatever the
 * shard count; a lane opens only the shards its range covers (a shard on a range boundary is read
 * in part by two lanes). The dropped remainder changes with the epoch's shard order, so no record
 * is left out every epoch.
 */
final class EpochPlan {
  /** Records {@code [from, to)} of a shard that holds {@code total} records. */
  record Slice(String shard, int total, int from, int to) {}

  private final List<Slice> slices;
  private final int samplesPerLane;

  private EpochPlan(List<Slice> slices, int samplesPerLane) {
    this.slices = slices;
    this.samplesPerLane = samplesPerLane;
  }

  static EpochPlan of(ShardIndex index, long seed, int epoch, int lane, int lanes) {
    if (lanes <= 0 || lane < 0 || lane >= lanes) {
      throw new IllegalArgumentException("lane " + lane + " is not one of " + lanes);
    }
    List<ShardEntry> shards = index.shards();
    long total = index.totalSamples();
    long perLane = total / lanes;
    if (perLane > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than 2^31 samples per lane are not supported");
    }
    int[] order = Seeds.permutation(shards.size(), Seeds.random(seed, Seeds.SHARD_ORDER, epoch));
    long start = perLane * lane;
    long end = start + perLane;
    List<Slice> slices = new ArrayList<>();
    long offset = 0;
    for (int i : order) {
      ShardEntry s = shards.get(i);
      long from = Math.max(start, offset);
      long to = Math.min(end, offset + s.samples());
      if (from < to) {
        slices.add(new Slice(s.name(), s.samples(), (int) (from - offset), (int) (to - offset)));
      }
      offset += s.samples();
    }
    return new EpochPlan(List.copyOf(slices), (int) perLane);
  }

  List<Slice> slices() {
    return slices;
  }

  int samplesPerLane() {
    return samplesPerLane;
  }
}
