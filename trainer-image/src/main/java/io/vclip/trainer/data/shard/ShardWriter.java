package io.vclip.trainer.data.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameCodec;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.storage.ObjectStore;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes samples into WebDataset tar shards of about {@code targetBytes} each: a shard is built in
 * a local temporary file, uploaded whole (an object appears complete or not at all), and only then
 * listed in {@code shards.json}. A crash therefore loses at most the shard in progress, and a
 * resumed writer continues after the last listed one. Not thread-safe: one producer writes.
 */
public final class ShardWriter implements SampleSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Fixed entry times make the same samples give byte-identical shards.
  private static final Date ENTRY_TIME = new Date(0);

  /** @param targetBytes a shard is closed once it reaches this size (so shards end slightly above it) */
  public record Options(long targetBytes, FrameFormat format, int framesPerSample) {
    public Options {
      if (targetBytes <= 0) throw new IllegalArgumentException("shard size target must be positive");
      if (framesPerSample <= 0) throw new IllegalArgumentException("frames per sample must be positive");
    }
  }

  private final ObjectStore out;
  private final Options options;
  private final Path tmpDir;
  private ShardIndex index;
  private Path currentFile;
  private CountingStream currentBytes;
  private TarArchiveOutputStream tar;
  private int currentSamples;
  private String firstKey;
  private String lastKey;
  private boolean closed;

  /** Starts after the shards {@code existing} lists (an empty index starts a new data set). */
  public ShardWriter(ObjectStore out, Options options, ShardIndex existing) {
    this.out = out;
    this.options = options;
    this.index = existing;
    try {
      this.tmpDir = Files.createTempDirectory("vclip-shards-");
    } catch (IOException e) {
      throw new UncheckedIOException("creating a temporary folder for shards failed", e);
    }
  }

  public static ShardWriter startNew(ObjectStore out, Options options) {
    return new ShardWriter(out, options, ShardIndex.empty(options.framesPerSample(), options.format().extension()));
  }

  @Override
  public void write(VideoSample sample) {
    if (closed) throw new IllegalStateException("shard writer is closed");
    SampleKeys.check(sample.key());
    if (sample.frames().size() != options.framesPerSample()) {
      throw new IllegalArgumentException("sample '" + sample.key() + "' has " + sample.frames().size()
          + " frames, the data set has " + options.framesPerSample());
    }
    if (lastKey != null && sample.key().compareTo(lastKey) <= 0) {
      // Resuming relies on keys ascending: the index's last key says which inputs are done.
      throw new IllegalArgumentException("sample keys must ascend: '" + sample.key() + "' after '" + lastKey + "'");
    }
    try {
      if (tar == null) openShard();
      String ext = options.format().extension();
      for (int t = 0; t < sample.frames().size(); t++) {
        addEntry(SampleKeys.frameFile(sample.key(), t, ext), FrameCodec.encode(sample.frames().get(t), options.format()));
      }
      addEntry(sample.key() + ".json", JSON.writeValueAsBytes(sample.captions()));
      currentSamples++;
      if (firstKey == null) firstKey = sample.key();
      lastKey = sample.key();
      if (currentBytes.count >= options.targetBytes()) finishShard();
    } catch (IOException e) {
      throw new UncheckedIOException("writing sample '" + sample.key() + "' to " + currentFile + " failed", e);
    }
  }

  /** The index as committed so far (complete shards only). */
  public ShardIndex index() {
    return index;
  }

  private void openShard() throws IOException {
    currentFile = tmpDir.resolve(ShardIndex.shardName(index.shards().size()));
    currentBytes = new CountingStream(new BufferedOutputStream(Files.newOutputStream(currentFile), 1 << 16));
    tar = new TarArchiveOutputStream(currentBytes);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    currentSamples = 0;
    firstKey = null;
  }

  private void addEntry(String name, byte[] data) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    entry.setModTime(ENTRY_TIME);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private void finishShard() throws IOException {
    tar.close();
    tar = null;
    String name = currentFile.getFileName().toString();
    long bytes = Files.size(currentFile);
    out.put(name, currentFile);
    Files.delete(currentFile);
    index = index.with(new ShardEntry(name, currentSamples, bytes, firstKey, lastKey));
    index.write(out);
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      if (tar != null) {
        if (currentSamples > 0) {
          finishShard();
        } else {
          tar.close();
        }
      }
      if (index.shards().isEmpty()) {
        index.write(out);
      }
      Files.deleteIfExists(tmpDir);
    } catch (IOException e) {
      throw new UncheckedIOException("finishing shard " + currentFile + " failed", e);
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
