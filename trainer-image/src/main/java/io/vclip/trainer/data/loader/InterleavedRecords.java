package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.EncodedSample;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A rank's records for one epoch: its lanes read round-robin, one record from each lane per batch,
 * so slot j of every local batch comes from the rank's j-th lane. Emission k of the rank is lane
 * k mod b at that lane's emission k / b, which is how a resume at emission {@code start} finds its
 * place in every lane without reading the records before it.
 */
final class InterleavedRecords implements AutoCloseable {
  private final List<ShuffledRecords> lanes;
  private int next;

  private InterleavedRecords(List<ShuffledRecords> lanes, int next) {
    this.lanes = lanes;
    this.next = next;
  }

  /** @param openLane opens lane i (of this rank) at the given emission of that lane */
  static InterleavedRecords open(int laneCount, int start, LaneOpener openLane) {
    int perLane = start / laneCount;
    int extra = start % laneCount;
    ShuffledRecords[] lanes = new ShuffledRecords[laneCount];
    for (int i = 0; i < laneCount; i++) lanes[i] = openLane.open(i, perLane + (i < extra ? 1 : 0));
    return new InterleavedRecords(List.of(lanes), extra);
  }

  interface LaneOpener {
    ShuffledRecords open(int lane, int start);
  }

  boolean hasNext() {
    // Lanes have equal lengths, so the lane whose turn it is runs dry first.
    return lanes.get(next).hasNext();
  }

  EncodedSample next() {
    if (!hasNext()) throw new NoSuchElementException();
    EncodedSample s = lanes.get(next).next();
    next = (next + 1) % lanes.size();
    return s;
  }

  @Override
  public void close() {
    lanes.forEach(ShuffledRecords::close);
  }
}
