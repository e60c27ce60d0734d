package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.EncodedSample;
import io.vclip.trainer.data.shard.TarSampleReader;
import io.vclip.trainer.storage.ObjectStore;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A lane's records for one epoch in stream order, exactly as many as its plan says: a shard that
 * cannot be opened or ends early yields a placeholder with the reason for each record it owed, so
 * record numbering (and thus the shuffle and resume) never shifts.
 */
final class RecordStream implements Iterator<EncodedSample>, AutoCloseable {
  private final ObjectStore store;
  private final List<EpochPlan.Slice> slices;
  private int sliceIndex = -1;
  private EpochPlan.Slice slice;
  private TarSampleReader reader;
  private int positionInShard;
  private String shortfall;

  RecordStream(ObjectStore store, EpochPlan plan) {
    this.store = store;
    this.slices = plan.slices();
  }

  @Override
  public boolean hasNext() {
    while (slice == null || positionInShard >= slice.to()) {
      if (sliceIndex + 1 >= slices.size()) {
        closeReader();
        return false;
      }
      openSlice(slices.get(++sliceIndex));
    }
    return true;
  }

  private void openSlice(EpochPlan.Slice next) {
    closeReader();
    slice = next;
    positionInShard = 0;
    shortfall = null;
    try {
      reader = new TarSampleReader(slice.shard(), store.open(slice.shard()));
    } catch (RuntimeException e) {
      shortfall = "shard " + slice.shard() + " could not be opened: " + e.getMessage();
    }
    while (positionInShard < slice.from()) {
      readOne();
    }
  }

  @Override
  public EncodedSample next() {
    if (!hasNext()) throw new NoSuchElementException();
    return readOne();
  }

  private EncodedSample readOne() {
    int n = positionInShard++;
    if (shortfall == null && reader.hasNext()) {
      EncodedSample s = reader.next();
      if (s.readError() != null) shortfall = s.readError();
      return s;
    }
    if (shortfall == null) {
      shortfall = "shard ended after " + n + " of its " + slice.total() + " samples";
    }
    return EncodedSample.missing(slice.shard(), "#" + n, shortfall);
  }

  private void closeReader() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  @Override
  public void close() {
    closeReader();
  }
}
