package io.vclip.trainer.data.shard;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams the samples of one tar shard in order, grouping consecutive files that share a key. Reads
 * entry by entry, so a shard of any size is never held whole. A shard that breaks off (truncated,
 * corrupt header) ends the stream; the sample it broke in comes out with a {@code readError}.
 */
public final class TarSampleReader implements Iterator<EncodedSample>, AutoCloseable {
  private final String shard;
  private final TarArchiveInputStream tar;
  private TarArchiveEntry pending;
  private boolean done;
  private EncodedSample next;

  public TarSampleReader(String shard, InputStream in) {
    this.shard = shard;
    this.tar = new TarArchiveInputStream(new BufferedInputStream(in, 1 << 16));
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = readSample();
    }
    return next != null;
  }

  @Override
  public EncodedSample next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    EncodedSample s = next;
    next = null;
    return s;
  }

  private EncodedSample readSample() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String key = null;
    try {
      while (true) {
        TarArchiveEntry entry = pending != null ? pending : tar.getNextEntry();
        pending = null;
        if (entry == null) {
          done = true;
          return key == null ? null : new EncodedSample(shard, key, files, null);
        }
        if (!entry.isFile()) {
          continue;
        }
        String entryKey = SampleKeys.keyOf(entry.getName());
        if (key != null && !key.equals(entryKey)) {
          pending = entry;
          return new EncodedSample(shard, key, files, null);
        }
        key = entryKey;
        files.put(SampleKeys.extensionOf(entry.getName()), tar.readAllBytes());
      }
    } catch (IOException | RuntimeException e) {
      // commons-compress reports truncation as an IOException, and some header damage as an
      // IllegalArgumentException; either way nothing after this point can be trusted.
      done = true;
      String reason = "shard broken off: " + e.getMessage();
      return new EncodedSample(shard, key == null ? "<unknown>" : key, files, reason);
    }
  }

  @Override
  public void close() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("closing shard " + shard + " failed", e);
    }
  }
}
