package io.vclip.trainer.data.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranks read disjoint samples that together cover the data set, with equal batch counts. */
class LoaderShardingTest {
  static final int T = 2;
  static final int SIZE = 8;
  // 7 shards (not divisible by 2 or 3) of uneven sizes, 30 samples in all.
  static final int[] SHARDS_30 = {5, 3, 4, 6, 2, 5, 5};
  // 31 samples: W = 2 and 3 must drop 1 per epoch.
  static final int[] SHARDS_31 = {5, 3, 4, 6, 2, 5, 6};
  @TempDir static Path tmp;
  static ObjectStore even;
  static ObjectStore odd;

  @BeforeAll
  static void write() {
    even = new FileSystemObjectStore(tmp.resolve("even"));
    odd = new FileSystemObjectStore(tmp.resolve("odd"));
    TestDataSets.writeShards(even, T, SIZE, SHARDS_30);
    TestDataSets.writeShards(odd, T, SIZE, SHARDS_31);
  }

  static LoaderConfig config(int batch) {
    return new LoaderConfig(batch, T, SIZE, SIZE, 4, 42L, 2, 2);
  }

  static List<List<String>> epochByRank(ObjectStore store, int world, int batch) {
    List<List<String>> byRank = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      try (VideoDataLoader loader = VideoDataLoader.open(store, config(batch), r, world, LoaderPosition.START)) {
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < loader.batchesPerEpoch(); b++) keys.addAll(loader.next().keys());
        assertThat(loader.position()).isEqualTo(new LoaderPosition(1, 0, 0, 0));
        byRank.add(keys);
      }
    }
    return byRank;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void ranksAreDisjointAndCoverEverything(int world) {
    List<List<String>> byRank = epochByRank(even, world, 1);
    Set<String> union = new HashSet<>();
    for (List<String> keys : byRank) {
      assertThat(keys).hasSize(30 / world).doesNotHaveDuplicates();
      for (String k : keys) assertThat(union.add(k)).as("key %s read by two ranks", k).isTrue();
    }
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 30; i++) all.add(TestDataSets.key(i));
    assertThat(union).isEqualTo(all);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void remainderIsDroppedAndRanksStayEqual(int world) {
    List<List<String>> byRank = epochByRank(odd, world, 2);
    Set<String> union = new HashSet<>();
    int perRank = (31 / world) / 2 * 2;
    for (List<String> keys : byRank) {
      assertThat(keys).hasSize(perRank);
      union.addAll(keys);
    }
    assertThat(union).hasSize(perRank * world);
  }

  @Test
  void epochsReshuffleAndRunOn() {
    try (VideoDataLoader loader = VideoDataLoader.open(even, config(5), 0, 1, LoaderPosition.START)) {
      assertThat(loader.batchesPerEpoch()).isEqualTo(6);
      List<String> e0 = new ArrayList<>();
      List<String> e1 = new ArrayList<>();
      List<String> e2 = new ArrayList<>();
      for (int b = 0; b < 6; b++) e0.addAll(loader.next().keys());
      for (int b = 0; b < 6; b++) e1.addAll(loader.next().keys());
      for (int b = 0; b < 6; b++) e2.addAll(loader.next().keys());
      assertThat(e1).containsExactlyInAnyOrderElementsOf(e0).isNotEqualTo(e0);
      assertThat(e2).containsExactlyInAnyOrderElementsOf(e0).isNotEqualTo(e1);
      assertThat(loader.position().epoch()).isEqualTo(3);
    }
  }

  @Test
  void sameSeedSameOrderOtherSeedOtherOrder() {
    List<String> a = epochByRank(even, 1, 3).get(0);
    List<String> b = epochByRank(even, 1, 3).get(0);
    assertThat(a).isEqualTo(b);
    try (VideoDataLoader other = VideoDataLoader.open(even, config(3).withShuffle(4, 7L), 0, 1, LoaderPosition.START)) {
      List<String> c = new ArrayList<>();
      for (int i = 0; i < other.batchesPerEpoch(); i++) c.addAll(other.next().keys());
      assertThat(c).containsExactlyInAnyOrderElementsOf(a).isNotEqualTo(a);
    }
  }

  @Test
  void tooFewSamplesForTheWorldIsAClearError() {
    assertThatThrownBy(() -> VideoDataLoader.open(even, config(16), 0, 2, LoaderPosition.START))
        .hasMessageContaining("30 samples").hasMessageContaining("2 rank(s)").hasMessageContaining("batch size 16");
    assertThatThrownBy(() -> VideoDataLoader.open(even, config(1).withSize(3, SIZE, SIZE), 0, 1, LoaderPosition.START))
        .hasMessageContaining("2 frames per sample");
  }
}
