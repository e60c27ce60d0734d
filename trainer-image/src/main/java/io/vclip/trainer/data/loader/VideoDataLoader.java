package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rank's endless stream of training batches over a sharded data set, epoch after epoch.
 *
 * <p>Sharding, shuffle and resume rules: {@link EpochPlan}, {@link ShuffleOrder}, docs/data-format.md.
 * Every rank returns exactly {@link #batchesPerEpoch()} full batches per epoch. Bad records are
 * skipped into the {@link SkipReport} and the batch takes the next good one; if a rank's records
 * run dry first, the rest of the epoch is filled by {@link PaddingSource}.
 *
 * <p>A reader thread streams and shuffles records, a pool of decode threads turns them into
 * normalised floats, and {@link #next()} (the training thread) copies them into one direct buffer.
 * Not thread-safe: one consumer calls {@code next()}.
 */
public final class VideoDataLoader implements AutoCloseable {
  private final ObjectStore store;
  private final ShardIndex index;
  private final LoaderConfig config;
  private final int rank;
  private final int world;
  private final SampleDecoding decoding;
  private final SkipReport skips = new SkipReport();
  private final ExecutorService pool;
  private final Thread reader;
  private final BlockingQueue<RecordProducer.Item> queue;
  private final ByteBuffer frameBytes;
  private final FloatBuffer frames;
  private final int batchesPerEpoch;
  private int epoch;
  private long consumed;
  private long batches;
  private long padded;
  private boolean epochEndSeen;
  private PaddingSource padding;
  private long waitNanos;

  private VideoDataLoader(ObjectStore store, ShardIndex index, LoaderConfig config, int rank, int world,
      LoaderPosition start) {
    this.store = store;
    this.index = index;
    this.config = config;
    this.rank = rank;
    this.world = world;
    this.decoding = new SampleDecoding(config);
    // One lane per slot of the global batch (RankEpoch); a lane holds one record per batch.
    long lanes = (long) world * config.batchSize();
    this.batchesPerEpoch = (int) (index.totalSamples() / lanes);
    long perRank = (long) batchesPerEpoch * config.batchSize();
    if (batchesPerEpoch == 0) {
      throw new IllegalArgumentException("data set at " + store.location() + " has " + index.totalSamples()
          + " samples: too few for " + world + " rank(s) with batch size " + config.batchSize());
    }
    if (start.batches() >= batchesPerEpoch || start.samplesConsumed() > perRank) {
      throw new IllegalArgumentException("loader position " + start.toJson() + " is past the end of an epoch ("
          + batchesPerEpoch + " batches of " + perRank + " samples per rank)");
    }
    this.epoch = start.epoch();
    this.consumed = start.samplesConsumed();
    this.batches = start.batches();
    this.padded = start.padded();
    this.frameBytes = ByteBuffer.allocateDirect(4 * config.batchSize() * decoding.floatsPerSample())
        .order(ByteOrder.nativeOrder());
    this.frames = frameBytes.asFloatBuffer();
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(config.workers(), r -> {
      Thread t = new Thread(r, "vclip-decode-" + rank + "-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.queue = new ArrayBlockingQueue<>(config.prefetchBatches() * config.batchSize());
    this.reader = new Thread(new RecordProducer(this::rankEpoch, decoding, pool, queue, start), "vclip-reader-" + rank);
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens rank {@code rank} of {@code world} at {@code start} ({@link LoaderPosition#START} for a fresh run). */
  public static VideoDataLoader open(ObjectStore store, LoaderConfig config, int rank, int world, LoaderPosition start) {
    ShardIndex index = ShardIndex.read(store);
    if (index.framesPerSample() != config.frames()) {
      throw new IllegalArgumentException("data set at " + store.location() + " has " + index.framesPerSample()
          + " frames per sample, the loader asks for " + config.frames());
    }
    return new VideoDataLoader(store, index, config, rank, world, start);
  }

  private RankEpoch rankEpoch(int e) {
    return RankEpoch.of(store, index, config, e, rank, world);
  }

  public int batchesPerEpoch() {
    return batchesPerEpoch;
  }

  /** Where the loader stands after the last batch returned. */
  public LoaderPosition position() {
    return new LoaderPosition(epoch, consumed, batches, padded);
  }

  public SkipReport skipReport() {
    return skips;
  }

  /** Total time {@link #next()} spent waiting for decoded samples (the "data wait" of a step). */
  public long dataWaitNanos() {
    return waitNanos;
  }

  public Batch next() {
    int b = config.batchSize();
    int floats = decoding.floatsPerSample();
    List<String> keys = new ArrayList<>(b);
    List<Captions> captions = new ArrayList<>(b);
    while (keys.size() < b) {
      DecodedSample d = padding != null ? padding.next() : take();
      if (d == null) {
        padding = new PaddingSource(rankEpoch(epoch), decoding, "rank " + rank + " epoch " + epoch, padded);
        continue;
      }
      if (padding != null) {
        padded++;
      } else {
        consumed++;
        if (!d.isGood()) {
          skips.record(d.shard(), d.key(), d.badReason());
          continue;
        }
      }
      frames.put(keys.size() * floats, d.frames());
      keys.add(d.key());
      captions.add(d.captions());
    }
    batches++;
    if (batches == batchesPerEpoch) {
      finishEpoch();
    }
    long[] shape = {b, config.frames(), 3, config.height(), config.width()};
    return new Batch(frameBytes.duplicate().order(ByteOrder.nativeOrder()), shape, List.copyOf(keys),
        List.copyOf(captions), position());
  }

  /** The next record of the current epoch, or null when the epoch's records are exhausted. */
  private DecodedSample take() {
    RecordProducer.Item item = await();
    if (item instanceof RecordProducer.EpochEnd) {
      epochEndSeen = true;
      return null;
    }
    return result((RecordProducer.Decoding) item);
  }

  private void finishEpoch() {
    // The records left after the last full batch are dropped (their decodes cancelled if not started).
    while (!epochEndSeen) {
      if (await() instanceof RecordProducer.Decoding d) {
        d.result().cancel(false);
      } else {
        epochEndSeen = true;
      }
    }
    if (padding != null) {
      padding.close();
      padding = null;
    }
    epoch++;
    consumed = 0;
    batches = 0;
    padded = 0;
    epochEndSeen = false;
  }

  private RecordProducer.Item await() {
    long t0 = System.nanoTime();
    try {
      RecordProducer.Item item = queue.take();
      if (item instanceof RecordProducer.Failure f) {
        throw new IllegalStateException("the data reader of rank " + rank + " failed: " + f.error(), f.error());
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for data", e);
    } finally {
      waitNanos += System.nanoTime() - t0;
    }
  }

  private DecodedSample result(RecordProducer.Decoding d) {
    long t0 = System.nanoTime();
    try {
      return d.result().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for data", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("decoding failed unexpectedly", e.getCause());
    } finally {
      waitNanos += System.nanoTime() - t0;
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    pool.shutdownNow();
    if (padding != null) padding.close();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
