package io.vclip.trainer.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** Writes one shard file in {@link ShardFormat}, hashing the bytes as they go out. */
final class ShardWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final MessageDigest sha = ShardFormat.sha256();
  // One direct buffer reused for every entry: no per-tensor allocation, whatever the model size.
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ShardFormat.ORDER);
  private long size;
  private boolean finished;

  ShardWriter(Path file) {
    this.file = file;
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new CheckpointException("cannot create shard file " + file + ": " + e, e);
    }
    ensure(ShardFormat.MAGIC.length);
    buffer.put(ShardFormat.MAGIC);
  }

  void tensor(String name, FloatTensor tensor) {
    long[] shape = tensor.shape();
    if (shape.length > ShardFormat.MAX_RANK) {
      throw new CheckpointException("tensor '" + name + "' has rank " + shape.length + " > " + ShardFormat.MAX_RANK);
    }
    header(ShardFormat.TENSOR_F32, name);
    ensure(1 + 8 * shape.length);
    buffer.put((byte) shape.length);
    for (long d : shape) buffer.putLong(d);
    FloatBuffer src = tensor.values().duplicate();
    while (src.hasRemaining()) {
      if (buffer.remaining() < Float.BYTES) flush();
      FloatBuffer dst = buffer.asFloatBuffer();
      int n = Math.min(dst.remaining(), src.remaining());
      dst.put(src.slice(src.position(), n));
      src.position(src.position() + n);
      buffer.position(buffer.position() + n * Float.BYTES);
    }
  }

  void json(String name, byte[] utf8) {
    header(ShardFormat.JSON, name);
    ensure(4);
    buffer.putInt(utf8.length);
    int off = 0;
    while (off < utf8.length) {
      if (!buffer.hasRemaining()) flush();
      int n = Math.min(buffer.remaining(), utf8.length - off);
      buffer.put(utf8, off, n);
      off += n;
    }
  }

  private void header(byte kind, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length == 0 || n.length > 0xFFFF) throw new CheckpointException("entry name '" + name + "' must be 1..65535 bytes");
    ensure(3 + n.length);
    buffer.put(kind);
    buffer.putShort((short) n.length);
    buffer.put(n);
  }

  /** Writes the end marker and returns the file's size and SHA-256. */
  Written finish() {
    ensure(1);
    buffer.put(ShardFormat.END);
    flush();
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new CheckpointException("cannot sync shard file " + file + ": " + e, e);
    }
    finished = true;
    return new Written(size, ShardFormat.hex(sha.digest()));
  }

  private void ensure(int bytes) {
    if (buffer.remaining() < bytes) flush();
  }

  private void flush() {
    buffer.flip();
    sha.update(buffer.duplicate());
    try {
      while (buffer.hasRemaining()) size += channel.write(buffer);
    } catch (IOException e) {
      throw new CheckpointException("writing shard file " + file + " failed: " + e, e);
    }
    buffer.clear();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      if (finished) throw new CheckpointException("closing shard file " + file + " failed: " + e, e);
    }
  }

  /** Size and checksum of a finished shard file. */
  record Written(long size, String sha256) {}
}
