package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.storage.ObjectStore;

/** One rank's view of one epoch: its plan and its shuffle, from which its records are streamed. */
record RankEpoch(ObjectStore store, EpochPlan plan, ShuffleOrder order) {

  static RankEpoch of(ObjectStore store, ShardIndex index, LoaderConfig config, int epoch, int rank, int world) {
    EpochPlan plan = EpochPlan.of(index, config.seed(), epoch, rank, world);
    ShuffleOrder order = ShuffleOrder.of(plan.samplesPerRank(), config.shuffleBuffer(),
        Seeds.random(config.seed(), Seeds.SAMPLE_SHUFFLE, epoch, rank));
    return new RankEpoch(store, plan, order);
  }

  /** The records from emission {@code start} on. */
  ShuffledRecords records(int start) {
    return new ShuffledRecords(new RecordStream(store, plan), order, start);
  }
}
