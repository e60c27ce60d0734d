package io.vclip.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.contract.ExitCodes;
import io.vclip.trainer.checkpoint.CheckpointStore;
import io.vclip.trainer.checkpoint.FloatTensor;
import io.vclip.trainer.checkpoint.Manifest;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's reproducibility contract, with real trainer processes, real Gloo on loopback and a
 * real S3 server (S3Proxy) holding the checkpoints:
 * <ul>
 *   <li>a run preempted (SIGTERM → checkpoint → exit) and resumed ends with exactly the parameters of
 *       an uninterrupted run, at W = 1 and at W = 2;</li>
 *   <li>W = 2 ends where W = 1 ends with the same global batch (float tolerance below), each rank
 *       holding about half the optimizer state (X-CLIP prompts off, see {@link #start});</li>
 *   <li>a checkpoint written by 2 ranks resumes on 1 and ends where the 1-rank run ends.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactResumeTest {
  static final int STEPS = 20;
  static final String BUCKET = "vclip";
  static final String PREFIX = "runs";
  /**
   * W = 2 sums the same gradients in another order (per-rank means, then an average over ranks; the
   * global features' gradients scaled by W), so parameters differ by float32 rounding, which AdamW
   * amplifies where a gradient is near zero (its update is ±lr whatever the gradient's size). The
   * base learning rate is 1e-3: the runs must agree to within one such step, while steps 11–20 alone
   * move parameters by about 20 of them.
   */
  static final double W2_TOLERANCE = 1e-3;

  @TempDir static Path tmp;
  static EmbeddedS3Server server;
  static Path full;
  static Path unprompted;
  static Map<String, FloatTensor> unpromptedW1;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedS3Server.inMemory();
    server.store(BUCKET, PREFIX).close();
    full = writeSpec("full.yaml", "{preset: tiny, frames: 4}");
    // X-CLIP's prompted text features pair every text with every video of the batch; a rank can
    // only build (and differentiate) the pairs of its own clips, so with prompts on the contrastive
    // negatives are the local batch (as in X-CLIP) and W changes the objective. W-equivalence is a
    // property of the global-batch path, checked with prompts off.
    unprompted = writeSpec("unprompted.yaml", "{preset: tiny, frames: 4, prompts: false}");
  }

  private static Path writeSpec(String file, String model) throws Exception {
    Path path = tmp.resolve(file);
    Files.writeString(path, """
        apiVersion: vclip.io/v1alpha1
        kind: VideoClipTraining
        metadata: {name: exact}
        spec:
          replicas: 1
          model: %s
          data:
            synthetic: {videos: 96, heldOutVideos: 8, frameSize: 32, seed: 3}
            shuffleBuffer: 4
            loaderThreads: 1
          objective:
            ddr: {steps: 2}
            hdr: {steps: 2}
          optimization: {maxSteps: %d, globalBatchSize: 8, warmupSteps: 3, learningRate: 1.0e-3, seed: 11}
          checkpoint:
            intervalSteps: 10
            store: {bucket: %s, prefix: %s}
        """.formatted(model, STEPS, BUCKET, PREFIX));
    return path;
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  @Order(1)
  void twoRanksEndWhereOneRankEndsWithHalfTheOptimizerStateEach() throws Exception {
    TrainerRanks one = run(unprompted, 1, "w1", null);
    TrainerRanks two = run(unprompted, 2, "w2", null);
    unpromptedW1 = finalParameters("w1");
    double diff = maxAbsDifference(unpromptedW1, finalParameters("w2"));
    double moved = maxAbsDifference(unpromptedW1, parametersAt("w1", 10));
    System.out.printf("W=2 vs W=1 after %d steps: max |Δparameter| %.3g (tolerance %.1g); steps 11-20 moved them by up to %.3g%n",
        STEPS, diff, W2_TOLERANCE, moved);
    assertThat(moved).as("the runs must have trained").isGreaterThan(10 * W2_TOLERANCE);
    assertThat(diff).isLessThanOrEqualTo(W2_TOLERANCE);

    long w1State = optimizerFloats(one.log(0));
    long w2Rank0 = optimizerFloats(two.log(0));
    long w2Rank1 = optimizerFloats(two.log(1));
    System.out.printf("optimizer state floats: W=1 %,d; W=2 rank 0 %,d, rank 1 %,d%n", w1State, w2Rank0, w2Rank1);
    assertThat((double) w2Rank0).isCloseTo(w1State / 2.0, Offset.offset(w1State * 0.01));
    assertThat((double) w2Rank1).isCloseTo(w1State / 2.0, Offset.offset(w1State * 0.01));
  }

  @Test
  @Order(2)
  void aCheckpointOfTwoRanksResumesOnOne() throws Exception {
    run(unprompted, 2, "w2-to-w1", 1);
    double diff = maxAbsDifference(finalParameters("w2-to-w1"), unpromptedW1);
    System.out.printf("W=2 → W=1 resume vs uninterrupted W=1: max |Δparameter| %.3g%n", diff);
    assertThat(diff).isLessThanOrEqualTo(W2_TOLERANCE);
  }

  @Test
  @Order(3)
  void preemptedAndResumedOnOneRankEqualsUninterrupted() throws Exception {
    run(full, 1, "full-w1", null);
    run(full, 1, "full-w1-resumed", 1);
    assertThat(maxAbsDifference(finalParameters("full-w1-resumed"), finalParameters("full-w1"))).isZero();
  }

  @Test
  @Order(4)
  void preemptedAndResumedOnTwoRanksEqualsUninterrupted() throws Exception {
    run(full, 2, "full-w2", null);
    run(full, 2, "full-w2-resumed", 2);
    assertThat(maxAbsDifference(finalParameters("full-w2-resumed"), finalParameters("full-w2"))).isZero();
  }

  /**
   * Runs job {@code job} on {@code world} ranks to the end; with {@code resumeWorld} set, preempts it
   * after a few steps first and finishes it on {@code resumeWorld} ranks from its checkpoint.
   */
  private static TrainerRanks run(Path spec, int world, String job, Integer resumeWorld) throws Exception {
    Path out = tmp.resolve(job);
    TrainerRanks ranks = TrainerRanks.start(world, job, spec, out, server.settings().toEnv());
    if (resumeWorld != null) {
      ranks.awaitStep(4, 300);
      ranks.terminate();
      List<Integer> codes = ranks.await(300);
      assertThat(codes).as(ranks.logs()).containsOnly(ExitCodes.PREEMPTED);
      long stoppedAt = store(job).latest().orElseThrow().step();
      assertThat(stoppedAt).as("preempted before the end").isBetween(4L, (long) STEPS - 1);
      ranks = TrainerRanks.start(resumeWorld, job, spec, out, server.settings().toEnv());
    }
    List<Integer> codes = ranks.await(600);
    assertThat(codes).as(ranks.logs()).containsOnly(ExitCodes.SUCCESS);
    return ranks;
  }

  private static CheckpointStore store(String job) {
    ObjectStore objects = server.store(BUCKET, PREFIX);
    return new CheckpointStore(objects, job, 10);
  }

  private static Map<String, FloatTensor> finalParameters(String job) {
    Manifest last = store(job).latest().orElseThrow();
    assertThat(last.step()).isEqualTo(STEPS);
    return store(job).restore(last, 0, 1).model();
  }

  private static Map<String, FloatTensor> parametersAt(String job, long step) {
    return store(job).restore(store(job).manifest(step).orElseThrow(), 0, 1).model();
  }

  static double maxAbsDifference(Map<String, FloatTensor> a, Map<String, FloatTensor> b) {
    assertThat(a.keySet()).isEqualTo(b.keySet());
    double max = 0;
    for (String name : a.keySet()) {
      float[] x = a.get(name).toArray();
      float[] y = b.get(name).toArray();
      assertThat(x).as(name).hasSameSizeAs(y);
      for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs((double) x[i] - y[i]));
    }
    return max;
  }

  private static long optimizerFloats(String log) {
    Matcher m = Pattern.compile("optimizer state (\\d+) floats on this rank").matcher(log);
    assertThat(m.find()).as(log).isTrue();
    return Long.parseLong(m.group(1));
  }
}
