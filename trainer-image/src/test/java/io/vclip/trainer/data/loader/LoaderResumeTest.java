package io.vclip.trainer.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.data.shard.ShardEntry;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A loader restored from a saved position continues exactly where the first one stopped. */
class LoaderResumeTest {
  static final int T = 2;
  static final int SIZE = 8;
  @TempDir Path tmp;

  static LoaderConfig config() {
    // A shuffle buffer of 6 over 12-15 records per rank: resuming must replay it, not restart it.
    return new LoaderConfig(4, T, SIZE, SIZE, 6, 9L, 2, 2);
  }

  static List<String> keys(VideoDataLoader loader, int batches) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < batches; i++) keys.addAll(loader.next().keys());
    return keys;
  }

  @ParameterizedTest(name = "rank {0} of {1}, stop after {2} batches")
  @CsvSource({"0,1,2", "0,1,5", "1,2,1", "1,2,4", "2,3,3"})
  void resumedSequenceEqualsUninterrupted(int rank, int world, int stopAfter) {
    ObjectStore store = new FileSystemObjectStore(tmp);
    TestDataSets.writeShards(store, T, SIZE, 7, 9, 5, 8, 6);
    int total = 12;
    List<String> uninterrupted;
    try (VideoDataLoader loader = VideoDataLoader.open(store, config(), rank, world, LoaderPosition.START)) {
      uninterrupted = keys(loader, total);
    }
    String saved;
    List<String> first;
    try (VideoDataLoader loader = VideoDataLoader.open(store, config(), rank, world, LoaderPosition.START)) {
      first = keys(loader, stopAfter);
      saved = loader.position().toJson();
    }
    try (VideoDataLoader resumed = VideoDataLoader.open(store, config(), rank, world, LoaderPosition.fromJson(saved))) {
      List<String> rest = keys(resumed, total - stopAfter);
      List<String> joined = new ArrayList<>(first);
      joined.addAll(rest);
      assertThat(joined).isEqualTo(uninterrupted);
    }
  }

  @Test
  void resumeIsExactWithBadSamplesAndPadding() {
    ObjectStore store = new FileSystemObjectStore(tmp);
    TestDataSets.writeShards(store, T, SIZE, 6, 5);
    // Claim more samples than shard 1 holds: its last 8 records become bad ("shard ended"), so the
    // rank's 11 good records run dry after 3 of its 6 batches and padding fills the rest.
    ShardIndex index = ShardIndex.read(store);
    ShardEntry s1 = index.shards().get(1);
    new ShardIndex(index.format(), index.framesPerSample(), index.frameFormat(), List.of(index.shards().get(0),
        new ShardEntry(s1.name(), s1.samples() + 8, s1.bytes(), s1.firstKey(), s1.lastKey()))).write(store);
    LoaderConfig cfg = new LoaderConfig(3, T, SIZE, SIZE, 4, 5L, 1, 1);
    List<String> uninterrupted = new ArrayList<>();
    List<LoaderPosition> positions = new ArrayList<>();
    try (VideoDataLoader loader = VideoDataLoader.open(store, cfg, 0, 1, LoaderPosition.START)) {
      assertThat(loader.batchesPerEpoch()).isEqualTo(6);
      for (int b = 0; b < 12; b++) {
        Batch batch = loader.next();
        uninterrupted.addAll(batch.keys());
        positions.add(batch.position());
      }
      // 8 bad records per epoch, less those in the epoch's dropped remainder (19 records mod 3 lanes = 1).
      assertThat(loader.skipReport().count()).isBetween(14, 16);
      assertThat(loader.skipReport().skipped()).allSatisfy(s -> assertThat(s.reason()).contains("shard ended after 5 of its 13"));
    }
    assertThat(uninterrupted).hasSize(36);
    assertThat(uninterrupted.subList(0, 18)).containsAll(uninterrupted.subList(18, 36));
    assertThat(positions).anySatisfy(p -> assertThat(p.padded()).isPositive());
    for (int stop = 1; stop < 12; stop++) {
      try (VideoDataLoader resumed = VideoDataLoader.open(store, cfg, 0, 1, positions.get(stop - 1))) {
        assertThat(keys(resumed, 12 - stop)).as("resumed after batch %d", stop)
            .isEqualTo(uninterrupted.subList(stop * 3, 36));
      }
    }
  }

  @Test
  void framesAreClipNormalisedChannelFirst() {
    ObjectStore store = new FileSystemObjectStore(tmp);
    TestDataSets.writeShards(store, T, SIZE, 3);
    try (VideoDataLoader loader = VideoDataLoader.open(store, new LoaderConfig(1, T, 4, 6, 1, 0L, 1, 1), 0, 1,
        LoaderPosition.START)) {
      Batch batch = loader.next();
      assertThat(batch.shape()).containsExactly(1, T, 3, 4, 6);
      assertThat(batch.frames().isDirect()).isTrue();
      int sample = Integer.parseInt(batch.keys().get(0).substring(1));
      float[] got = new float[T * 3 * 4 * 6];
      batch.frames().get(got);
      for (int t = 0; t < T; t++) {
        var c = TestDataSets.colour(sample, t);
        int[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int ch = 0; ch < 3; ch++) {
          float expected = (rgb[ch] / 255f - ClipNormalization.MEAN[ch]) / ClipNormalization.STD[ch];
          float[] plane = Arrays.copyOfRange(got, (t * 3 + ch) * 24, (t * 3 + ch + 1) * 24);
          for (float v : plane) assertThat(v).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4f));
        }
      }
    }
  }
}
