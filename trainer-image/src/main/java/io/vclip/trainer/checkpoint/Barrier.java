package io.vclip.trainer.checkpoint;

/**
 * Waits until every rank has uploaded its shard of a step, so that rank 0 writes the manifest only
 * after all shards exist. Called on the checkpoint upload thread. Implementations: the distributed
 * runtime's collective barrier (on its own channel, apart from the training loop's collectives),
 * {@link ObjectStoreBarrier} (through the checkpoint store itself, no collective), or {@link #NONE}
 * in a single process.
 */
@FunctionalInterface
public interface Barrier {
  Barrier NONE = step -> {};

  void await(long step);
}
