package io.vclip.trainer.data.shard;

import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.storage.ObjectStore;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The good samples of one shard, streamed from an {@link ObjectStore}; bad ones are skipped and
 * go into the {@link SkipReport} with their key, so one broken sample never stops a run.
 */
public final class ShardReader implements Iterator<VideoSample>, AutoCloseable {
  private final TarSampleReader raw;
  private final SampleDecoder decoder;
  private final SkipReport skips;
  private final String shard;
  private VideoSample next;

  public ShardReader(ObjectStore store, String shard, int expectedFrames, SkipReport skips) {
    this.shard = shard;
    this.raw = new TarSampleReader(shard, store.open(shard));
    this.decoder = new SampleDecoder(expectedFrames);
    this.skips = skips;
  }

  @Override
  public boolean hasNext() {
    while (next == null && raw.hasNext()) {
      EncodedSample s = raw.next();
      try {
        next = decoder.decode(s);
      } catch (BadSampleException e) {
        skips.record(shard, e.key(), e.getMessage());
      }
    }
    return next != null;
  }

  @Override
  public VideoSample next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    VideoSample s = next;
    next = null;
    return s;
  }

  @Override
  public void close() {
    raw.close();
  }
}
