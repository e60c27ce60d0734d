package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.ShardEntry;
import io.vclip.trainer.data.shard.ShardIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Which records one rank reads in one epoch. All ranks shuffle the shard list the same way (seed,
 * epoch), concatenate the shards into one stream of N records, drop the last N mod W, and cut the
 * rest into W equal contiguous ranges: rank r takes range r. Ranks thus get disjoint records and
 * exactly the same count, whatever W and the shard count; each rank opens only the shards its range
 * covers (a shard on a range boundary is read in part by two ranks). The dropped remainder changes
 * with the epoch's shard order, so no record is left out every epoch.
 */
final class EpochPlan {
  /** Records {@code [from, to)} of a shard that holds {@code total} records. */
  record Slice(String shard, int total, int from, int to) {}

  private final List<Slice> slices;
  private final int samplesPerRank;

  private EpochPlan(List<Slice> slices, int samplesPerRank) {
    this.slices = slices;
    this.samplesPerRank = samplesPerRank;
  }

  static EpochPlan of(ShardIndex index, long seed, int epoch, int rank, int world) {
    if (world <= 0 || rank < 0 || rank >= world) {
      throw new IllegalArgumentException("rank " + rank + " is not in a world of " + world);
    }
    List<ShardEntry> shards = index.shards();
    long total = index.totalSamples();
    long perRank = total / world;
    if (perRank > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than 2^31 samples per rank are not supported");
    }
    int[] order = Seeds.permutation(shards.size(), Seeds.random(seed, Seeds.SHARD_ORDER, epoch));
    long start = perRank * rank;
    long end = start + perRank;
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
    return new EpochPlan(List.copyOf(slices), (int) perRank);
  }

  List<Slice> slices() {
    return slices;
  }

  int samplesPerRank() {
    return samplesPerRank;
  }
}
