package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.MinioObjectStore;
import io.vclip.trainer.storage.ObjectInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints written by two ranks (threads) to a real S3 server (S3Proxy over HTTP) and read back. */
class CheckpointStoreTest {
  static final int N = 1003; // not a multiple of 2 or 3, so slices are padded
  static EmbeddedS3Server server;
  static MinioObjectStore s3;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    server = EmbeddedS3Server.inMemory();
    s3 = server.store("ckpt", "checkpoints");
  }

  @AfterAll
  static void stop() {
    s3.close();
    server.close();
  }

  /** A run's full state at a step: model tensors and full AdamW vectors, all derived from the step. */
  record FullState(Map<String, float[]> model, float[] m, float[] v) {
    static FullState at(long step) {
      Random r = new Random(step);
      Map<String, float[]> model = new LinkedHashMap<>();
      model.put("visual.proj", randoms(r, 6 * 4));
      model.put("text.ln_final.weight", randoms(r, 5));
      return new FullState(model, randoms(r, N), randoms(r, N));
    }

    CheckpointState forRank(long step, int rank, int world) {
      Map<String, FloatTensor> tensors = new LinkedHashMap<>();
      if (rank == 0) {
        tensors.put("visual.proj", FloatTensor.of(model.get("visual.proj"), 6, 4));
        tensors.put("text.ln_final.weight", FloatTensor.vector(model.get("text.ln_final.weight")));
      }
      OptimizerSlice opt = OptimizerSlice.adamW(step, N, ZeroSlices.slice(m, rank, world), ZeroSlices.slice(v, rank, world));
      ObjectNode schedule = CheckpointState.json(Map.of("step", step, "lr", 1e-4)).deepCopy();
      return new CheckpointState(tensors, opt, schedule,
          CheckpointState.json(Map.of("seed", 1000 + rank)), CheckpointState.json(Map.of("shard", rank, "offset", step * 8)));
    }
  }

  static float[] randoms(Random r, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) out[i] = (float) r.nextGaussian();
    return out;
  }

  /** Writes {@code step} from {@code world} ranks, one thread each, meeting at a real barrier. */
  Optional<Manifest> writeStep(CheckpointStore store, long step, int world) throws Exception {
    FullState full = FullState.at(step);
    CyclicBarrier cyclic = new CyclicBarrier(world);
    Barrier barrier = s -> {
      try {
        cyclic.await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    ExecutorService ranks = Executors.newFixedThreadPool(world);
    try {
      List<Future<Optional<Manifest>>> results = new ArrayList<>();
      for (int r = 0; r < world; r++) {
        int rank = r;
        results.add(ranks.submit(() -> store.write(step, rank, world, full.forRank(step, rank, world),
            new TrainingProgress(2.5 - step / 100.0, 123.0), barrier, tmp)));
      }
      Optional<Manifest> manifest = results.get(0).get(60, TimeUnit.SECONDS);
      for (int r = 1; r < world; r++) assertThat(results.get(r).get(60, TimeUnit.SECONDS)).isEmpty();
      return manifest;
    } finally {
      ranks.shutdownNow();
    }
  }

  /** Each test its own job, so their steps never meet in the shared bucket. */
  CheckpointStore newStore(String job, int keepLast) {
    return new CheckpointStore(s3, job, keepLast);
  }

  @Test
  void twoRanksRoundTripAndLatestIsNewestCommitted() throws Exception {
    CheckpointStore store = newStore("roundtrip", 5);
    writeStep(store, 10, 2);
    Manifest m20 = writeStep(store, 20, 2).orElseThrow();

    assertThat(m20.step()).isEqualTo(20);
    assertThat(m20.worldSize()).isEqualTo(2);
    assertThat(m20.progress().loss()).isEqualTo(2.3);
    assertThat(m20.shards()).extracting(ShardInfo::key).containsExactly("rank-0-of-2.bin", "rank-1-of-2.bin");
    assertThat(m20.shards()).allSatisfy(s -> assertThat(s.sha256()).hasSize(64));
    assertThat(store.committedSteps()).containsExactly(10L, 20L);
    assertThat(store.latest()).contains(m20);

    FullState expected = FullState.at(20);
    for (int rank = 0; rank < 2; rank++) {
      RestoredCheckpoint back = store.restore(m20, rank, 2);
      assertThat(back.model().get("visual.proj").shape()).containsExactly(6, 4);
      assertThat(back.model().get("visual.proj").toArray()).containsExactly(expected.model().get("visual.proj"));
      assertThat(back.model().get("text.ln_final.weight").toArray()).containsExactly(expected.model().get("text.ln_final.weight"));
      assertThat(back.optimizer().step()).isEqualTo(20);
      assertThat(back.optimizer().fullLength()).isEqualTo(N);
      assertThat(back.optimizer().vector("m")).containsExactly(ZeroSlices.slice(expected.m(), rank, 2));
      assertThat(back.optimizer().vector("v")).containsExactly(ZeroSlices.slice(expected.v(), rank, 2));
      assertThat(back.schedule().get("lr").asDouble()).isEqualTo(1e-4);
      assertThat(back.rngByOldRank()).extracting(n -> n.get("seed").asInt()).containsExactly(1000, 1001);
      assertThat(back.loaderByOldRank()).extracting(n -> n.get("offset").asLong()).containsExactly(160L, 160L);
    }
  }

  @Test
  void stepWithoutManifestIsNotChosen() throws Exception {
    CheckpointStore store = newStore("partial", 5);
    Manifest m10 = writeStep(store, 10, 2).orElseThrow();
    writeStep(store, 20, 2);
    s3.delete(store.layout().manifestKey(20));

    assertThat(store.committedSteps()).containsExactly(10L);
    assertThat(store.latest()).contains(m10);
  }

  @Test
  void shardWithFlippedBytesIsNotChosen() throws Exception {
    CheckpointStore store = newStore("flipped", 5);
    Manifest m10 = writeStep(store, 10, 2).orElseThrow();
    writeStep(store, 20, 2);
    String key = store.layout().shardKey(20, "rank-1-of-2.bin");
    byte[] bytes = s3.get(key);
    bytes[bytes.length / 2] ^= 0x5A;
    s3.put(key, bytes);

    assertThat(store.committedSteps()).containsExactly(10L, 20L);
    assertThat(store.latest()).contains(m10);
    Manifest m20 = store.manifest(20).orElseThrow();
    assertThatThrownBy(() -> store.restore(m20, 1, 2)).isInstanceOf(CheckpointException.class)
        .hasMessageContaining("rank-1-of-2.bin").hasMessageContaining("SHA-256");
  }

  @Test
  void truncatedShardIsNotChosen() throws Exception {
    CheckpointStore store = newStore("truncated", 5);
    Manifest m10 = writeStep(store, 10, 2).orElseThrow();
    writeStep(store, 20, 2);
    String key = store.layout().shardKey(20, "rank-0-of-2.bin");
    byte[] bytes = s3.get(key);
    s3.put(key, Arrays.copyOf(bytes, bytes.length - 100));

    assertThat(store.latest()).contains(m10);
    Manifest m20 = store.manifest(20).orElseThrow();
    assertThatThrownBy(() -> store.restore(m20, 0, 2)).isInstanceOf(CheckpointException.class)
        .hasMessageContaining("rank-0-of-2.bin").hasMessageContaining("truncated");
  }

  @Test
  void noValidCheckpointGivesEmpty() throws Exception {
    CheckpointStore store = newStore("none", 5);
    assertThat(store.latest()).isEmpty();
    writeStep(store, 10, 1);
    s3.put(store.layout().shardKey(10, "rank-0-of-1.bin"), new byte[] {1, 2, 3});
    assertThat(store.latest()).isEmpty();
  }

  @Test
  void retentionKeepsNewestAndStepsBeingWritten() throws Exception {
    CheckpointStore store = newStore("retention", 2);
    writeStep(store, 10, 2);
    s3.put(store.layout().shardKey(15, "rank-0-of-2.bin"), new byte[] {7}); // a crashed write, older
    writeStep(store, 20, 2);
    // A later step whose upload is still going on when step 30 commits.
    s3.put(store.layout().shardKey(40, "rank-0-of-2.bin"), new byte[] {9});
    writeStep(store, 30, 2);

    assertThat(store.committedSteps()).containsExactly(20L, 30L);
    assertThat(s3.list("retention/")).extracting(ObjectInfo::key)
        .noneMatch(k -> k.startsWith("retention/step-10/") || k.startsWith("retention/step-15/"))
        .contains("retention/step-40/rank-0-of-2.bin");

    CheckpointStore keepOne = newStore("retention", 1);
    writeStep(keepOne, 50, 2);
    assertThat(keepOne.committedSteps()).containsExactly(50L);
    assertThat(keepOne.latest().orElseThrow().step()).isEqualTo(50);
  }

  @Test
  void restoresOnADifferentWorldSize() throws Exception {
    CheckpointStore store = newStore("reshard", 3);
    Manifest m2 = writeStep(store, 7, 2).orElseThrow();
    Manifest m3 = writeStep(store, 8, 3).orElseThrow();

    assertThat(reassembled(store, m2, 3, "m")).containsExactly(FullState.at(7).m());
    assertThat(reassembled(store, m2, 3, "v")).containsExactly(FullState.at(7).v());
    assertThat(reassembled(store, m3, 1, "m")).containsExactly(FullState.at(8).m());
    assertThat(reassembled(store, m3, 2, "v")).containsExactly(FullState.at(8).v());
    RestoredCheckpoint r = store.restore(m3, 1, 2);
    assertThat(r.model().get("visual.proj").toArray()).containsExactly(FullState.at(8).model().get("visual.proj"));
    assertThat(r.rngByOldRank()).hasSize(3);
  }

  /** Restores every rank of the new world and glues their slices back into the full vector. */
  static float[] reassembled(CheckpointStore store, Manifest manifest, int newWorld, String vector) {
    List<float[]> slices = new ArrayList<>();
    for (int rank = 0; rank < newWorld; rank++) {
      float[] slice = store.restore(manifest, rank, newWorld).optimizer().vector(vector);
      assertThat(slice).hasSize((int) ZeroSlices.chunk(N, newWorld));
      slices.add(slice);
    }
    return ZeroSlices.concatenate(slices, N);
  }

  @Test
  void rankOtherThanZeroMustNotSaveTheModel() {
    CheckpointStore store = newStore("misuse", 1);
    CheckpointState withModel = FullState.at(1).forRank(1, 0, 2);
    assertThatThrownBy(() -> store.prepare(1, 1, 2, withModel, tmp)).hasMessageContaining("only rank 0");
  }
}
