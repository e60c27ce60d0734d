package io.vclip.trainer.data.loader;

import java.util.Random;

/**
 * The order in which a WebDataset-style shuffle buffer of size S emits a stream of n records:
 * fill the buffer with the first S, then repeatedly emit a random slot and refill it with the next
 * record (or shrink the buffer once the stream is dry). The order depends only on (seed, epoch,
 * lane, n, S), never on the records' contents, which is what makes resuming exact: a loader that
 * restarts at emission k replays the same order and drops the records emitted before k as it
 * reads them. Emission k never needs a record later than k + S in the stream, so at most S records
 * are held.
 */
final class ShuffleOrder {
  private final int[] order;
  private final int[] emittedAt;

  private ShuffleOrder(int[] order) {
    this.order = order;
    this.emittedAt = new int[order.length];
    for (int k = 0; k < order.length; k++) emittedAt[order[k]] = k;
  }

  static ShuffleOrder of(int n, int bufferSize, Random random) {
    int[] order = new int[n];
    int[] buffer = new int[Math.min(bufferSize, n)];
    int filled = buffer.length;
    for (int i = 0; i < filled; i++) buffer[i] = i;
    int nextRecord = filled;
    for (int k = 0; k < n; k++) {
      int slot = random.nextInt(filled);
      order[k] = buffer[slot];
      if (nextRecord < n) {
        buffer[slot] = nextRecord++;
      } else {
        buffer[slot] = buffer[--filled];
      }
    }
    return new ShuffleOrder(order);
  }

  int size() {
    return order.length;
  }

  /** The stream index of the record emitted k-th. */
  int recordAt(int k) {
    return order[k];
  }

  /** When the record at stream index i is emitted. */
  int emissionOf(int i) {
    return emittedAt[i];
  }
}
