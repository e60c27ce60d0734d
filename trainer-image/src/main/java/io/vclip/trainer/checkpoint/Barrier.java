package io.vclip.trainer.checkpoint;

/**
 * Waits until every rank has reached the same point of a checkpoint write (its shard uploaded and
 * confirmed), so that rank 0 writes the manifest only after all shards exist. The distributed runtime
 * plugs its collective barrier in; a single process uses {@link #NONE}.
 */
@FunctionalInterface
public interface Barrier {
  Barrier NONE = () -> {};

  void await();
}
