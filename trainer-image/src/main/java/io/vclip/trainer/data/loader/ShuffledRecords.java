package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.EncodedSample;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** A lane's records in {@link ShuffleOrder}, starting at emission {@code start} (0, or a resume point). */
final class ShuffledRecords implements AutoCloseable {
  private final RecordStream stream;
  private final ShuffleOrder order;
  private final int start;
  private final Map<Integer, EncodedSample> held = new HashMap<>();
  private int emission;
  private int read;

  ShuffledRecords(RecordStream stream, ShuffleOrder order, int start) {
    this.stream = stream;
    this.order = order;
    this.start = start;
    this.emission = start;
  }

  boolean hasNext() {
    return emission < order.size();
  }

  EncodedSample next() {
    if (!hasNext()) throw new NoSuchElementException();
    int wanted = order.recordAt(emission++);
    while (!held.containsKey(wanted)) {
      EncodedSample s = stream.next();
      int i = read++;
      if (order.emissionOf(i) >= start) {
        held.put(i, s);
      }
    }
    return held.remove(wanted);
  }

  @Override
  public void close() {
    stream.close();
  }
}
