package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * One rank's view of one epoch. The epoch's records are cut into one lane per slot of the global
 * batch (world × local batch lanes, see {@link EpochPlan}); rank r owns lanes r·b … r·b + b − 1,
 * each shuffled on its own. Global batch k is therefore emission k of every lane, in lane order,
 * whatever the world size: two ranks see the same global batches as one rank with twice the local
 * batch, and a checkpoint taken at W ranks resumes exactly on W' ranks.
 */
final class RankEpoch {
  private record Lane(EpochPlan plan, ShuffleOrder order) {}

  private final ObjectStore store;
  private final List<Lane> lanes;

  private RankEpoch(ObjectStore store, List<Lane> lanes) {
    this.store = store;
    this.lanes = lanes;
  }

  static RankEpoch of(ObjectStore store, ShardIndex index, LoaderConfig config, int epoch, int rank, int world) {
    int b = config.batchSize();
    int laneCount = world * b;
    List<Lane> lanes = new ArrayList<>(b);
    for (int lane = rank * b; lane < (rank + 1) * b; lane++) {
      EpochPlan plan = EpochPlan.of(index, config.seed(), epoch, lane, laneCount);
      lanes.add(new Lane(plan, ShuffleOrder.of(plan.samplesPerLane(), config.shuffleBuffer(),
          Seeds.random(config.seed(), Seeds.SAMPLE_SHUFFLE, epoch, lane))));
    }
    return new RankEpoch(store, List.copyOf(lanes));
  }

  /** The records from emission {@code start} on. */
  InterleavedRecords records(int start) {
    return InterleavedRecords.open(lanes.size(), start, (i, laneStart) -> {
      Lane lane = lanes.get(i);
      return new ShuffledRecords(new RecordStream(store, lane.plan()), lane.order(), laneStart);
    });
  }
}
