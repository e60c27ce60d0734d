package io.vclip.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.cli.VclipCommand;
import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.synthetic.SyntheticTokenizerFile;
import io.vclip.trainer.data.synthetic.SyntheticWorld;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.run.CheckpointEvaluation;
import io.vclip.trainer.run.GroupPolicy;
import io.vclip.trainer.run.LocalRun;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.train.DataLocations;
import io.vclip.trainer.train.ModelSetup;
import io.vclip.trainer.train.SyntheticDataset;
import io.vclip.trainer.train.TokenizerFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's plausibility check on the synthetic world: a tiny model trained briefly through the real
 * {@code vclip train} path (one worker process, embedded S3) and an untrained model of the same
 * architecture, both evaluated by {@link ModelEvaluator} on the same held-out pairs. The untrained
 * model must score like random ranking within a stated statistical tolerance; the trained one must
 * be far outside that band on the good side.
 */
class TrainedVersusRandomTest {
  static final int HELD_OUT = 96;
  static final long SEED = 42;
  /**
   * One-sided tail probability allowed for "looks like chance": about that of a 5σ normal deviation
   * (2.9e-7). The run is seeded, so this is the margin that keeps the test valid for any seed and
   * for changes of the model's initialisation, not a flakiness budget.
   */
  static final double TAIL = 3e-7;
  static final double SIGMAS = 5;

  static final String TRAINING = """
      apiVersion: vclip.io/v1alpha1
      kind: VideoClipTraining
      metadata: {name: trained}
      spec:
        replicas: 1
        model: {preset: tiny, frames: 4}
        data:
          synthetic: {videos: 1024, heldOutVideos: %d, frameSize: 32, seed: 3}
          shuffleBuffer: 256
          loaderThreads: 1
        objective:
          tpcm: {enabled: false}
          ddr: {enabled: false, steps: 3}
          hdr: {enabled: false, steps: 3}
        optimization: {maxSteps: %d, globalBatchSize: 32, learningRate: 5.0e-4, warmupSteps: 10, seed: %d}
        checkpoint:
          store: {bucket: vclip, prefix: runs}
          intervalSteps: %d
      """;
  static final int STEPS = 80;

  @TempDir Path tmp;

  @Test
  void aBrieflyTrainedModelBeatsChanceAndAnUntrainedOneScoresLikeChance() throws Exception {
    VideoClipTraining training = (VideoClipTraining) ResourceYaml.readAll(
        TRAINING.formatted(HELD_OUT, STEPS, SEED, STEPS), "test").get(0);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    LocalRun.Result run = LocalRun.train(training, tmp.resolve("work"),
        List.of(java, "-cp", System.getProperty("java.class.path"), VclipCommand.class.getName(), "train"), 0,
        GroupPolicy.defaults(0));
    try (var server = run.server()) {
      assertThat(run.outcome().succeeded()).as(run.outcome().reason()).isTrue();
      VideoClipTrainingSpec spec = run.localSpec().getSpec();
      DataLocations where = DataLocations.of(spec, run.runDir());
      // DDR/HDR are scored on the stored held-out sequences; LVDR synthesis is not what this test is about.
      ModelEvaluator.Plan plan = new ModelEvaluator.Plan(true, true, 4, List.of(), 32, SEED);

      EvalResults trained = CheckpointEvaluation.run(new CheckpointLocation(where.checkpoints(), "trained", null),
          server.settings(), run.localSpec(), where.eval(), tmp.resolve("eval-trained"), plan, null, System.out)
          .results();

      Path tokenizerFile = tmp.resolve("tokenizer.json");
      SyntheticTokenizerFile.writeWorldTokenizer(tokenizerFile);
      ModelConfig config = ModelSetup.config(spec.getModel(), TokenizerFiles.vocabularySize(tokenizerFile));
      EvalResults random;
      try (NDManager manager = NDManager.newBaseManager();
          ClipTokenizer tokenizer = ClipTokenizer.load(tokenizerFile, config.text().contextLength());
          ObjectStore eval = ObjectStore.open(where.eval(), server.settings())) {
        // The seed the training initialised its model with: the untrained model is where training started.
        Engine.getInstance().setRandomSeed((int) SEED);
        VideoClipModel untrained = new VideoClipModel(config).initialize(manager);
        random = new ModelEvaluator(untrained, tokenizer, manager).evaluate(eval, plan, "random-init", false);
      }
      print("trained", trained);
      print("random-init", random);

      assertThat(random.retrieval().pairs()).isEqualTo(HELD_OUT);
      assertThat(trained.retrieval().pairs()).isEqualTo(HELD_OUT);
      for (RetrievalMetrics m : List.of(random.retrieval().textToVideo(), random.retrieval().videoToText())) {
        assertAtChance(m);
      }
      assertPairAccuracyAtChance("DDR", random.ddr(), sequenceLengths(spec, Captions::ddr));
      assertPairAccuracyAtChance("HDR", random.hdr(), sequenceLengths(spec, Captions::hdr));

      RetrievalMetrics chance = RetrievalMetrics.chance(HELD_OUT);
      double r1Upper = 100.0 * ChanceBands.binomialUpper(HELD_OUT, 1.0 / HELD_OUT, TAIL) / HELD_OUT;
      for (String direction : List.of("text→video", "video→text")) {
        RetrievalMetrics t = direction.startsWith("text") ? trained.retrieval().textToVideo()
            : trained.retrieval().videoToText();
        RetrievalMetrics r = direction.startsWith("text") ? random.retrieval().textToVideo()
            : random.retrieval().videoToText();
        assertThat(t.recallAt1()).as("trained %s R@1 ≥ 3× chance", direction).isGreaterThanOrEqualTo(3 * chance.recallAt1());
        assertThat(t.recallAt1()).as("trained %s R@1 above the chance band", direction).isGreaterThan(r1Upper);
        assertThat(t.recallAt1()).as("trained %s R@1 above the untrained model's", direction).isGreaterThan(r.recallAt1());
        assertThat(t.meanRank()).as("trained %s mean rank below the chance band", direction)
            .isLessThan(chance.meanRank() - SIGMAS * ChanceBands.meanRankSigma(HELD_OUT));
      }
    }
  }

  private static void print(String what, EvalResults r) {
    RetrievalMetrics t = r.retrieval().textToVideo();
    RetrievalMetrics v = r.retrieval().videoToText();
    System.out.printf(java.util.Locale.ROOT, "%s: t→v R@1 %.1f%% R@5 %.1f%% mean rank %.1f; v→t R@1 %.1f%% R@5 %.1f%%"
            + " mean rank %.1f; DDR pairs %.3f (full %.3f), HDR pairs %.3f (full %.3f)%n", what, t.recallAt1(),
        t.recallAt5(), t.meanRank(), v.recallAt1(), v.recallAt5(), v.meanRank(), r.ddr().pairAccuracy(),
        r.ddr().fullyCorrect(), r.hdr().pairAccuracy(), r.hdr().fullyCorrect());
  }

  /**
   * Under random scoring each query's true match has a uniform rank in 1..N. Hits at K are then
   * Binomial(N, K/N): R@K must not exceed the count whose upper tail is below {@link #TAIL}. The
   * mean of N uniform ranks is (N+1)/2 with standard deviation sqrt((N²−1)/12 / N), 2.8 ranks for
   * N = 96; it must lie within {@link #SIGMAS} of that. A collapsed encoder whose scores tie gets
   * rank N for every query (ties count against the model) and fails the mean-rank band.
   */
  private static void assertAtChance(RetrievalMetrics m) {
    int n = m.queries();
    for (int k : new int[] {1, 5}) {
      double recall = k == 1 ? m.recallAt1() : m.recallAt5();
      double upper = 100.0 * ChanceBands.binomialUpper(n, (double) k / n, TAIL) / n;
      assertThat(recall).as("untrained R@%d (chance %.2f%%, band ≤ %.2f%%)", k, 100.0 * k / n, upper)
          .isLessThanOrEqualTo(upper);
    }
    double mid = (n + 1) / 2.0;
    double band = SIGMAS * ChanceBands.meanRankSigma(n);
    assertThat(m.meanRank()).as("untrained mean rank (chance %.1f ± %.1f)", mid, band).isBetween(mid - band, mid + band);
  }

  /**
   * Pair accuracy 0.5 within {@link #SIGMAS} standard deviations of a random encoder on cumulative
   * edits ({@link ChanceBands#randomWalkPairAccuracySigma}): ±0.033 per σ for 96 items of 4 texts.
   */
  private static void assertPairAccuracyAtChance(String what, RankingScores r, List<Integer> lengths) {
    assertThat(r).as(what).isNotNull();
    assertThat(r.items()).as(what + " items").isEqualTo(lengths.size());
    double band = SIGMAS * ChanceBands.randomWalkPairAccuracySigma(lengths);
    assertThat(r.pairAccuracy()).as("untrained %s pair accuracy over %d items (chance 0.5 ± %.3f)", what, r.items(), band)
        .isBetween(0.5 - band, 0.5 + band);
  }

  /** The number of texts of each held-out DDR or HDR sequence the evaluator scores (those with ≥ 2). */
  private static List<Integer> sequenceLengths(VideoClipTrainingSpec spec, java.util.function.Function<Captions, List<String>> field) {
    SyntheticWorld heldOut = new SyntheticWorld(SyntheticDataset.world(spec.getData().getSynthetic(),
        spec.getModel().getFrames(), DataLocations.rankingLength(spec))).heldOut();
    return java.util.stream.LongStream.range(0, HELD_OUT)
        .mapToObj(i -> field.apply(heldOut.sample(i).captions()).size()).filter(p -> p >= 2).toList();
  }
}
