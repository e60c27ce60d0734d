package io.vclip.trainer.data.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Samples written into shards come back identical, from a local folder and from a real S3 server. */
class ShardRoundTripTest {
  static EmbeddedS3Server server;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    server = EmbeddedS3Server.inMemory();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<ObjectStore> stores() {
    return Stream.of(new FileSystemObjectStore(tmp.resolve("local")), server.store("data", "sets/tiny"));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void pngShardsRollOverAndRoundTrip(ObjectStore store) {
    int frames = 3;
    try (store) {
      // About 1.3 KB per sample with PNG: a 4 KB target gives several shards.
      ShardWriter writer = ShardWriter.startNew(store, new ShardWriter.Options(4_000, FrameFormat.png(), frames));
      for (int i = 0; i < 10; i++) writer.write(TestDataSets.sample(i, frames, 16));
      writer.close();

      ShardIndex index = ShardIndex.read(store);
      assertThat(index.shards()).hasSizeGreaterThan(1);
      assertThat(index.totalSamples()).isEqualTo(10);
      assertThat(index.shards().get(0).name()).isEqualTo("shard-000000.tar");
      assertThat(index.shards().get(index.shards().size() - 1).lastKey()).isEqualTo(TestDataSets.key(9));
      for (ShardEntry e : index.shards()) {
        assertThat(store.size(e.name())).contains(e.bytes());
      }

      SkipReport skips = new SkipReport();
      List<VideoSample> read = new ArrayList<>();
      for (ShardEntry e : index.shards()) {
        try (ShardReader r = new ShardReader(store, e.name(), frames, skips)) {
          r.forEachRemaining(read::add);
        }
      }
      assertThat(skips.count()).isZero();
      assertThat(read).hasSize(10);
      for (int i = 0; i < 10; i++) {
        VideoSample s = read.get(i);
        assertThat(s.key()).isEqualTo(TestDataSets.key(i));
        assertThat(s.captions()).isEqualTo(TestDataSets.captions(i));
        for (int t = 0; t < frames; t++) {
          assertThat(s.frames().get(t).getRGB(5, 7) & 0xffffff)
              .isEqualTo(TestDataSets.colour(i, t).getRGB() & 0xffffff);
        }
      }
    }
  }

  @Test
  void jpegQualityIsApplied() {
    ObjectStore low = new FileSystemObjectStore(tmp.resolve("q10"));
    ObjectStore high = new FileSystemObjectStore(tmp.resolve("q95"));
    var noisy = new java.util.Random(3);
    var img = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, noisy.nextInt());
    var sample = new VideoSample("noise", List.of(img, img), TestDataSets.captions(0));
    for (var pair : List.of(List.of(low, 0.1f), List.of(high, 0.95f))) {
      ObjectStore store = (ObjectStore) pair.get(0);
      ShardWriter w = ShardWriter.startNew(store, new ShardWriter.Options(1 << 20, FrameFormat.jpeg((Float) pair.get(1)), 2));
      w.write(sample);
      w.close();
    }
    assertThat(ShardIndex.read(low).shards().get(0).bytes()).isLessThan(ShardIndex.read(high).shards().get(0).bytes());
    SkipReport skips = new SkipReport();
    try (ShardReader r = new ShardReader(high, "shard-000000.tar", 2, skips)) {
      VideoSample s = r.next();
      Color c = new Color(s.frames().get(0).getRGB(10, 10));
      Color o = new Color(img.getRGB(10, 10));
      // Noise is JPEG's worst case; quality 0.95 still keeps each channel roughly in place.
      assertThat(Math.abs(c.getGreen() - o.getGreen())).isLessThan(80);
    }
  }
}
