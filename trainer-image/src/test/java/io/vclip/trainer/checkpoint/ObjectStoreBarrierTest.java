package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two ranks commit a step meeting only through arrival markers in the store; a missing rank is named. */
class ObjectStoreBarrierTest {
  @TempDir Path tmp;

  @Test
  void ranksMeetThroughTheStore() throws Exception {
    ObjectStore objects = new FileSystemObjectStore(tmp.resolve("store"));
    CheckpointStore store = new CheckpointStore(objects, "job-c", 2);
    // A marker of an earlier attempt (another run id) at the same step must not count.
    objects.put("job-c/step-5/arrivals/run-0/rank-1", new byte[0]);
    ExecutorService ranks = Executors.newFixedThreadPool(2);
    try {
      CheckpointStoreTest.FullState full = CheckpointStoreTest.FullState.at(5);
      Future<Optional<Manifest>> rank0 = ranks.submit(() -> store.write(5, 0, 2, full.forRank(5, 0, 2),
          TrainingProgress.UNKNOWN, barrier(objects, 0, Duration.ofSeconds(60)), tmp.resolve("s0")));
      // Rank 1 starts only once rank 0 is waiting at the barrier.
      while (objects.list("job-c/step-5/arrivals/run-1/").isEmpty()) Thread.sleep(20);
      assertThat(rank0.isDone()).isFalse();
      Future<Optional<Manifest>> rank1 = ranks.submit(() -> store.write(5, 1, 2, full.forRank(5, 1, 2),
          TrainingProgress.UNKNOWN, barrier(objects, 1, Duration.ofSeconds(60)), tmp.resolve("s1")));
      assertThat(rank1.get(60, TimeUnit.SECONDS)).isEmpty();
      assertThat(rank0.get(60, TimeUnit.SECONDS).orElseThrow().shards()).hasSize(2);
      assertThat(store.latest().orElseThrow().step()).isEqualTo(5);
    } finally {
      ranks.shutdownNow();
    }
  }

  @Test
  void aRankThatNeverArrivesIsNamed() {
    ObjectStore objects = new FileSystemObjectStore(tmp.resolve("store"));
    Barrier lonely = barrier(objects, 0, Duration.ofMillis(300));
    assertThatThrownBy(() -> lonely.await(9)).isInstanceOf(CheckpointException.class)
        .hasMessageContaining("step 9").hasMessageContaining("ranks [1] of 2 did not arrive");
  }

  static Barrier barrier(ObjectStore objects, int rank, Duration timeout) {
    return new ObjectStoreBarrier(objects, "job-c", "run-1", rank, 2, timeout, Duration.ofMillis(20));
  }
}
