package io.vclip.trainer.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global batch does not depend on the world size: W ranks with local batch B/W, their batches
 * concatenated in rank order, give the same global batches as one rank with batch B, epoch after
 * epoch. This is what lets W=2 train exactly as W=1 and a checkpoint move between world sizes.
 */
class LoaderWorldInvarianceTest {
  static final int T = 2;
  static final int SIZE = 8;
  static final int GLOBAL = 6;
  @TempDir static Path tmp;
  static ObjectStore store;

  @BeforeAll
  static void write() {
    store = new FileSystemObjectStore(tmp);
    TestDataSets.writeShards(store, T, SIZE, 5, 3, 4, 6, 2, 5, 6, 7);
  }

  static LoaderConfig config(int localBatch) {
    return new LoaderConfig(localBatch, T, SIZE, SIZE, 3, 11L, 1, 2);
  }

  /** {@code steps} global batches of a world of {@code world}, each the ranks' keys in rank order. */
  static List<List<String>> globalBatches(int world, int steps, int fromStep) {
    List<List<String>> batches = new ArrayList<>();
    for (int s = 0; s < steps; s++) batches.add(new ArrayList<>());
    int local = GLOBAL / world;
    for (int r = 0; r < world; r++) {
      LoaderPosition start = startAt(fromStep, local, world);
      try (VideoDataLoader loader = VideoDataLoader.open(store, config(local), r, world, start)) {
        for (int s = 0; s < steps; s++) batches.get(s).addAll(loader.next().keys());
      }
    }
    return batches;
  }

  /** The position a checkpoint after {@code step} global batches holds (no bad records here). */
  static LoaderPosition startAt(int step, int local, int world) {
    int perEpoch = 38 / GLOBAL;
    return new LoaderPosition(step / perEpoch, (long) (step % perEpoch) * local, step % perEpoch, 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 6})
  void globalBatchesAreTheSameForEveryWorldSize(int world) {
    List<List<String>> one = globalBatches(1, 14, 0);
    assertThat(one.get(0)).hasSize(GLOBAL).doesNotHaveDuplicates();
    // Two epochs and a bit: the reshuffle at the epoch boundary must not depend on the world either.
    assertThat(globalBatches(world, 14, 0)).isEqualTo(one);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aPositionFromOneWorldSizeResumesExactlyOnAnother(int world) {
    List<List<String>> uninterrupted = globalBatches(1, 14, 0);
    assertThat(globalBatches(world, 6, 8)).isEqualTo(uninterrupted.subList(8, 14));
  }
}
