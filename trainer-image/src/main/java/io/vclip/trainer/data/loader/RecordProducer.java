package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.EncodedSample;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The reader thread: streams each epoch's shuffled records, hands each to the decode pool, and
 * queues the futures in order. The queue's capacity is the prefetch bound: when the consumer lags,
 * {@code put} blocks and reading stops.
 */
final class RecordProducer implements Runnable {
  sealed interface Item permits Decoding, EpochEnd, Failure {}

  record Decoding(int epoch, Future<DecodedSample> result) implements Item {}

  record EpochEnd(int epoch) implements Item {}

  record Failure(Throwable error) implements Item {}

  private final IntFunction<RankEpoch> epochs;
  private final SampleDecoding decoding;
  private final ExecutorService pool;
  private final BlockingQueue<Item> queue;
  private final int firstEpoch;
  private final int firstEmission;

  RecordProducer(IntFunction<RankEpoch> epochs, SampleDecoding decoding, ExecutorService pool,
      BlockingQueue<Item> queue, LoaderPosition start) {
    this.epochs = epochs;
    this.decoding = decoding;
    this.pool = pool;
    this.queue = queue;
    this.firstEpoch = start.epoch();
    this.firstEmission = (int) start.samplesConsumed();
  }

  @Override
  public void run() {
    try {
      int from = firstEmission;
      for (int epoch = firstEpoch; !Thread.currentThread().isInterrupted(); epoch++) {
        try (InterleavedRecords records = epochs.apply(epoch).records(from)) {
          while (records.hasNext()) {
            EncodedSample record = records.next();
            queue.put(new Decoding(epoch, pool.submit(() -> decoding.decode(record))));
          }
        }
        queue.put(new EpochEnd(epoch));
        from = 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      try {
        queue.put(new Failure(t));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
