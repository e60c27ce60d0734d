package io.vclip.trainer.checkpoint;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bytes of a shard object ({@code rank-<r>-of-<W>.bin}), all little-endian:
 *
 * <pre>
 * magic  "VCLIPSH1"                         8 bytes
 * entry* kind:u8 nameLength:u16 name:utf8   then, by kind:
 *          1 = float32 tensor: rank:u8 dims:i64[rank] values:f32[product(dims)]
 *          2 = JSON:           length:i32 bytes:utf8[length]
 * end    kind:u8 = 0
 * </pre>
 *
 * Own framing instead of DJL's safetensors encoding so shards stream to and from S3 without loading a
 * native engine or holding a whole shard in memory; the end marker makes truncation at an entry
 * boundary detectable even without the manifest's checksum.
 */
final class ShardFormat {
  static final byte[] MAGIC = "VCLIPSH1".getBytes(StandardCharsets.US_ASCII);
  static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
  static final byte END = 0;
  static final byte TENSOR_F32 = 1;
  static final byte JSON = 2;
  static final int MAX_RANK = 16;

  private ShardFormat() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  static String hex(byte[] digest) {
    return java.util.HexFormat.of().formatHex(digest);
  }
}
