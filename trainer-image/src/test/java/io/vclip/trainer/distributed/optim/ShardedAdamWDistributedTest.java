package io.vclip.trainer.distributed.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.vclip.trainer.distributed.SingleProcessCollectives;
import io.vclip.trainer.distributed.WorkerGroup;
import io.vclip.trainer.distributed.WorkerGroup.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZeRO-1 over Gloo: two OS processes reach the same parameters as one process given the same global
 * gradients, with half the optimizer state each; and a W=2 checkpoint resumes on W=1.
 */
class ShardedAdamWDistributedTest {
  private static final int STEPS = 20;
  private static final int CHECKPOINT_AT = 10;
  // Float sums in a different order (two partial gradients, two partial norms) drift by a few ulps.
  private static final float TOLERANCE = 2e-5f;

  @TempDir Path dir;

  @Test
  void twoRanksMatchOneRankAndTheirCheckpointResumesOnOne() throws Exception {
    List<Outcome> outcomes = WorkerGroup.run(2, ShardedAdamWWorker.class,
        List.of(Integer.toString(STEPS), Integer.toString(CHECKPOINT_AT), dir.toString()), dir, 120);
    for (Outcome o : outcomes) {
      assertThat(o.exitCode()).as("rank %d output:%n%s", o.rank(), o.output()).isZero();
    }
    float[] final0 = TinyProblem.read(dir.resolve("params-final-rank0.bin"))[0];
    float[] final1 = TinyProblem.read(dir.resolve("params-final-rank1.bin"))[0];
    assertThat(final1).as("both ranks hold the same parameters").containsExactly(final0);

    try (NDManager manager = NDManager.newBaseManager(); NDManager resumeManager = NDManager.newBaseManager()) {
      TinyProblem single = new TinyProblem(manager);
      ShardedAdamW one = single.optimizer(new SingleProcessCollectives());
      float[] initial = single.values();
      float[] atCheckpoint = null;
      for (int t = 0; t < STEPS; t++) {
        single.addGradient(t, 0, 1);
        one.step();
        if (t + 1 == CHECKPOINT_AT) {
          atCheckpoint = single.values();
        }
      }
      System.out.println("optimizer state floats: W=1 " + one.stateFloats() + ", W=2 per rank "
          + outcomes.get(0).output().lines().filter(l -> l.startsWith("STATE")).toList());
      assertThat(final0).containsExactly(single.values(), within(TOLERANCE));
      assertThat(maxAbsDiff(initial, final0)).as("training moved the parameters").isGreaterThan(0.05f);

      // Each rank holds 2·⌈39/2⌉ = 40 floats of state, W=1 holds 78.
      assertThat(one.stateFloats()).isEqualTo(78);
      assertThat(outcomes.get(0).output()).contains("rank 0 of 2 holds 40 optimizer floats");
      assertThat(outcomes.get(1).output()).contains("rank 1 of 2 holds 40 optimizer floats");

      // Resume the W=2 checkpoint on W=1: reshard the two slices, continue, compare with the straight run.
      List<OptimizerState> slices = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        float[][] mv = TinyProblem.read(dir.resolve("state-rank" + r + ".bin"));
        slices.add(new OptimizerState(CHECKPOINT_AT, 39, r, 2, mv[0], mv[1]));
      }
      TinyProblem resumed = new TinyProblem(resumeManager);
      float[] checkpointParams = TinyProblem.read(dir.resolve("params-checkpoint-rank0.bin"))[0];
      assertThat(checkpointParams).containsExactly(atCheckpoint, within(TOLERANCE));
      resumed.setValues(checkpointParams);
      ShardedAdamW continued = resumed.optimizer(new SingleProcessCollectives());
      continued.importState(OptimizerState.reshard(slices, 1).get(0));
      for (int t = CHECKPOINT_AT; t < STEPS; t++) {
        resumed.addGradient(t, 0, 1);
        continued.step();
      }
      assertThat(resumed.values()).containsExactly(single.values(), within(TOLERANCE));
    }
  }

  @Test
  void threeRanksWithPaddedShardsMatchOneRank() throws Exception {
    List<Outcome> outcomes = WorkerGroup.run(3, ShardedAdamWWorker.class,
        List.of(Integer.toString(STEPS), "0", dir.toString()), dir, 120);
    for (Outcome o : outcomes) {
      assertThat(o.exitCode()).as("rank %d output:%n%s", o.rank(), o.output()).isZero();
      // ⌈39/3⌉ = 13 floats per shard, m and v: 26 per rank.
      assertThat(o.output()).contains("rank " + o.rank() + " of 3 holds 26 optimizer floats");
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      TinyProblem single = new TinyProblem(manager);
      ShardedAdamW one = single.optimizer(new SingleProcessCollectives());
      for (int t = 0; t < STEPS; t++) {
        single.addGradient(t, 0, 1);
        one.step();
      }
      for (int r = 0; r < 3; r++) {
        float[] finalParams = TinyProblem.read(dir.resolve("params-final-rank" + r + ".bin"))[0];
        assertThat(finalParams).as("rank %d", r).containsExactly(single.values(), within(TOLERANCE));
      }
    }
  }

  private static float maxAbsDiff(float[] a, float[] b) {
    float d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }
}
