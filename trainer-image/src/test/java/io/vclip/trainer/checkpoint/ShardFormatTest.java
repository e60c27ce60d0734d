package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard framing on its own: round trip, checksums, and every way a file can be cut short. */
class ShardFormatTest {
  @TempDir Path tmp;

  /** A shard with a tensor bigger than the 1 MiB I/O buffer, from a direct buffer as DJL hands them out. */
  byte[] sampleShard(float[] big) throws Exception {
    ByteBuffer direct = ByteBuffer.allocateDirect(big.length * 4).order(ByteOrder.nativeOrder());
    direct.asFloatBuffer().put(big);
    FloatBuffer view = direct.asFloatBuffer();
    Path file = tmp.resolve("s.bin");
    ShardWriter.Written w;
    try (ShardWriter out = new ShardWriter(file)) {
      out.json("meta", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
      out.tensor("model/w", new FloatTensor(new long[] {big.length / 4, 4}, view));
      out.tensor("model/empty", FloatTensor.of(new float[0], 0));
      w = out.finish();
    }
    assertThat(view.position()).as("the writer never moves the caller's buffer").isZero();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(w.size()).isEqualTo(bytes.length);
    return bytes;
  }

  @Test
  void roundTripsAndHashesWhatItWrote() throws Exception {
    float[] big = new float[400_000];
    for (int i = 0; i < big.length; i++) big[i] = i * 0.25f - 7;
    byte[] bytes = sampleShard(big);
    try (ShardReader in = new ShardReader(new ByteArrayInputStream(bytes), "test shard")) {
      ShardReader.Entry meta = in.next();
      assertThat(meta.name()).isEqualTo("meta");
      assertThat(new String(in.readJson(meta), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
      ShardReader.Entry w = in.next();
      assertThat(w.shape()).containsExactly(100_000, 4);
      in.skipFloats(10);
      float[] part = new float[5];
      in.readFloats(part, 0, 5);
      assertThat(part).containsExactly(Arrays.copyOfRange(big, 10, 15));
      ShardReader.Entry empty = in.next(); // the rest of model/w is skipped, still hashed
      assertThat(empty.name()).isEqualTo("model/empty");
      assertThat(empty.count()).isZero();
      ShardWriter.Written read = in.finish();
      assertThat(read.size()).isEqualTo(bytes.length);
      java.security.MessageDigest sha = ShardFormat.sha256();
      assertThat(read.sha256()).isEqualTo(ShardFormat.hex(sha.digest(bytes)));
    }
  }

  @Test
  void everyTruncationIsReported() throws Exception {
    byte[] bytes = sampleShard(new float[300_000]);
    for (int cut : new int[] {0, 5, 8, 9, 20, bytes.length / 2, bytes.length - 1}) {
      byte[] shortened = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> {
        try (ShardReader in = new ShardReader(new ByteArrayInputStream(shortened), "shard-x")) {
          in.finish();
        }
      }).as("cut at %d", cut).isInstanceOf(CheckpointException.class).hasMessageContaining("shard-x")
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void foreignAndPaddedFilesAreRejected() throws Exception {
    byte[] bytes = sampleShard(new float[8]);
    byte[] foreign = bytes.clone();
    foreign[0] = 'X';
    assertThatThrownBy(() -> new ShardReader(new ByteArrayInputStream(foreign), "f.bin"))
        .hasMessageContaining("f.bin is not a vclip shard");
    byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);
    assertThatThrownBy(() -> {
      try (ShardReader in = new ShardReader(new ByteArrayInputStream(padded), "p.bin")) {
        in.finish();
      }
    }).hasMessageContaining("p.bin is corrupt").hasMessageContaining("bytes follow the end marker");
  }

  @Test
  void shapeMustMatchTheValues() {
    assertThatThrownBy(() -> FloatTensor.of(new float[5], 2, 3)).hasMessageContaining("[2, 3] holds 6 values")
        .hasMessageContaining("has 5");
  }
}
