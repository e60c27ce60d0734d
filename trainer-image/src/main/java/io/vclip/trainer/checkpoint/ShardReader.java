package io.vclip.trainer.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a shard in {@link ShardFormat} from a stream, entry by entry, hashing every byte. Parts of an
 * entry the caller does not read are skipped (still hashed) when it asks for the next entry, so a
 * reader can take only what it needs from a large shard without holding it in memory.
 */
final class ShardReader implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final String source;
  private final ReadableByteChannel channel;
  private final MessageDigest sha = ShardFormat.sha256();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ShardFormat.ORDER);
  private long consumed;
  private long entryBytesLeft;
  private boolean ended;

  /** @param source names the shard in error messages */
  ShardReader(InputStream in, String source) {
    this.source = source;
    this.channel = Channels.newChannel(in);
    buffer.limit(0);
    byte[] magic = new byte[ShardFormat.MAGIC.length];
    require(magic.length, "the header");
    buffer.get(magic);
    if (!Arrays.equals(magic, ShardFormat.MAGIC)) {
      throw new CheckpointException(source + " is not a vclip shard (bad magic bytes)");
    }
  }

  /** The next entry's header, or null after the end marker. */
  Entry next() {
    skip(entryBytesLeft);
    entryBytesLeft = 0;
    require(1, "an entry header");
    byte kind = buffer.get();
    if (kind == ShardFormat.END) {
      ended = true;
      return null;
    }
    require(2, "an entry name length");
    int nameLength = Short.toUnsignedInt(buffer.getShort());
    require(nameLength, "an entry name");
    byte[] name = new byte[nameLength];
    buffer.get(name);
    String n = new String(name, StandardCharsets.UTF_8);
    if (kind == ShardFormat.TENSOR_F32) {
      require(1, "the rank of tensor '" + n + "'");
      int rank = buffer.get();
      if (rank < 0 || rank > ShardFormat.MAX_RANK) throw corrupt("tensor '" + n + "' has rank " + rank);
      require(8 * rank, "the shape of tensor '" + n + "'");
      long[] shape = new long[rank];
      for (int i = 0; i < rank; i++) shape[i] = buffer.getLong();
      long count;
      try {
        count = FloatTensor.elementCount(shape);
        entryBytesLeft = Math.multiplyExact(count, (long) Float.BYTES);
      } catch (RuntimeException e) {
        throw corrupt("tensor '" + n + "' has an impossible shape " + Arrays.toString(shape));
      }
      return new Entry(kind, n, shape, count);
    }
    if (kind == ShardFormat.JSON) {
      require(4, "the length of JSON '" + n + "'");
      int length = buffer.getInt();
      if (length < 0) throw corrupt("JSON '" + n + "' has length " + length);
      entryBytesLeft = length;
      return new Entry(kind, n, null, length);
    }
    throw corrupt("unknown entry kind " + kind + " at byte " + (consumed - buffer.remaining()));
  }

  /** The current tensor entry's values (all of them). */
  float[] readTensor(Entry entry) {
    float[] out = new float[Math.toIntExact(entry.count())];
    readFloats(out, 0, out.length);
    return out;
  }

  /** Reads the next {@code length} floats of the current tensor entry into {@code dst[offset..]}. */
  void readFloats(float[] dst, int offset, int length) {
    if (4L * length > entryBytesLeft) throw new IllegalStateException("reading past the entry in " + source);
    int done = 0;
    while (done < length) {
      if (buffer.remaining() < Float.BYTES) require(Float.BYTES, "tensor values");
      FloatBuffer view = buffer.asFloatBuffer();
      int n = Math.min(view.remaining(), length - done);
      view.get(dst, offset + done, n);
      buffer.position(buffer.position() + n * Float.BYTES);
      done += n;
    }
    entryBytesLeft -= 4L * length;
  }

  /** Skips {@code count} floats of the current tensor entry. */
  void skipFloats(long count) {
    if (4L * count > entryBytesLeft) throw new IllegalStateException("skipping past the entry in " + source);
    skip(4L * count);
    entryBytesLeft -= 4L * count;
  }

  byte[] readJson(Entry entry) {
    byte[] out = new byte[Math.toIntExact(entry.count())];
    int done = 0;
    while (done < out.length) {
      if (!buffer.hasRemaining()) require(1, "JSON '" + entry.name() + "'");
      int n = Math.min(buffer.remaining(), out.length - done);
      buffer.get(out, done, n);
      done += n;
    }
    entryBytesLeft = 0;
    return out;
  }

  /**
   * Reads up to the end marker and checks that nothing follows it; returns the whole shard's size and
   * SHA-256.
   */
  ShardWriter.Written finish() {
    while (!ended) next();
    if (buffer.hasRemaining() || fill() > 0) throw corrupt("bytes follow the end marker");
    return new ShardWriter.Written(consumed, ShardFormat.hex(sha.digest()));
  }

  private void skip(long bytes) {
    long left = bytes;
    while (left > 0) {
      if (!buffer.hasRemaining()) require(1, "entry data");
      int n = (int) Math.min(buffer.remaining(), left);
      buffer.position(buffer.position() + n);
      left -= n;
    }
  }

  // Makes at least `bytes` (<= buffer capacity) readable, reading more from the stream as needed.
  private void require(int bytes, String what) {
    while (buffer.remaining() < bytes) {
      if (fill() < 0) {
        throw new CheckpointException(source + " is truncated: it ends after " + consumed
            + " bytes, inside " + what);
      }
    }
  }

  private int fill() {
    buffer.compact();
    int start = buffer.position();
    try {
      int n = channel.read(buffer);
      buffer.flip();
      if (n > 0) {
        sha.update(buffer.duplicate().position(start).limit(start + n));
        consumed += n;
      }
      return n;
    } catch (IOException e) {
      buffer.flip();
      throw new CheckpointException("reading " + source + " failed: " + e, e);
    }
  }

  private CheckpointException corrupt(String what) {
    return new CheckpointException(source + " is corrupt: " + what);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new CheckpointException("closing " + source + " failed: " + e, e);
    }
  }

  /** An entry header: kind, name, and for tensors the shape; {@code count} is values or JSON bytes. */
  record Entry(byte kind, String name, long[] shape, long count) {
    boolean isTensor() {
      return kind == ShardFormat.TENSOR_F32;
    }
  }
}
