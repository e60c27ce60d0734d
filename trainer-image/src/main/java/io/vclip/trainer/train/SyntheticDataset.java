package io.vclip.trainer.train;

import io.vclip.crds.v1alpha1.SyntheticData;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.ShardWriter;
import io.vclip.trainer.data.synthetic.SyntheticWorld;
import io.vclip.trainer.data.synthetic.WorldConfig;
import io.vclip.trainer.storage.ObjectStore;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The synthetic world as shards, made once per (seed, size, frames, count) and reused: written by
 * whoever gets there first ({@code vclip run} before it starts the workers, or rank 0 on a cluster)
 * and only read afterwards. The shard index is written last, so its presence means "complete".
 */
public final class SyntheticDataset {
  // PNG: the world's flat colours compress well and stay exact, so the pixel tests hold after a round trip.
  private static final long SHARD_BYTES = 8L * 1024 * 1024;

  private SyntheticDataset() {}

  /** The folder name under {@code datasets/} that identifies this data set. */
  public static String name(SyntheticData spec, int frames, int rankingLength) {
    return "synthetic-s" + spec.getSeed() + "-n" + spec.getVideos() + "-h" + spec.getHeldOutVideos()
        + "-px" + spec.getFrameSize() + "-t" + frames + "-m" + rankingLength;
  }

  public static WorldConfig world(SyntheticData spec, int frames, int rankingLength) {
    WorldConfig d = WorldConfig.defaults(spec.getSeed());
    return new WorldConfig(spec.getSeed(), frames, spec.getFrameSize(), d.maxObjects(), rankingLength);
  }

  /** Writes the training split into {@code train} and the held-out split into {@code eval} unless present. */
  public static void ensure(SyntheticData spec, int frames, int rankingLength, ObjectStore train, ObjectStore eval,
      LongConsumer progress) throws Exception {
    SyntheticWorld world = new SyntheticWorld(world(spec, frames, rankingLength));
    write(world, spec.getVideos(), frames, train, progress);
    write(world.heldOut(), spec.getHeldOutVideos(), frames, eval, progress);
  }

  private static void write(SyntheticWorld world, int count, int frames, ObjectStore out, LongConsumer progress)
      throws Exception {
    if (ShardIndex.find(out).isPresent()) return;
    try (ShardWriter w = ShardWriter.startNew(out, new ShardWriter.Options(SHARD_BYTES, FrameFormat.png(), frames))) {
      for (long i = 0; i < count; i++) {
        VideoSample s = world.sample(i);
        w.write(s);
        progress.accept(1);
      }
    }
  }

  /** For ranks that did not write it: waits until the index appears (rank 0 is writing it). */
  public static void awaitReady(ObjectStore store, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ShardIndex.find(store).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the synthetic data set at " + store.location() + " did not appear within "
            + timeout.toSeconds() + " s (rank 0 writes it)");
      }
      Thread.sleep(500);
    }
  }
}
