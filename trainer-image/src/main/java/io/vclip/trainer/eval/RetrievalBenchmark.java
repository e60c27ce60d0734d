package io.vclip.trainer.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.data.Captions;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VideoFeatures;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cost of scoring N × N text↔video retrieval in both directions through {@link
 * RetrievalEvaluator}'s chunked path, on random features. Random, independent text and video
 * features make every true match's rank uniform, so the figures must come out at chance (R@1 ≈ 1/N,
 * mean rank ≈ (N+1)/2): a check that the scoring, not only its speed, is right at that size.
 */
public final class RetrievalBenchmark {
  /**
   * @param seconds wall time of both directions
   * @param bandBytes the similarity band held at a time: chunk × N floats
   */
  public record Result(int n, int chunk, double seconds, long bandBytes, RetrievalEvaluator.Result metrics,
      RetrievalMetrics chance) {
    /** Text–video pairs scored per second: each direction scores all N² pairs. */
    public double pairsPerSecond() {
      return 2.0 * n * n / seconds;
    }
  }

  private RetrievalBenchmark() {}

  /** Cosine similarity of random D-dimensional features ({@link FeatureSimilarityBlocks}). */
  public static Result features(int n, int dim, int chunk, long seed) {
    require(n, chunk);
    if (dim < 1) throw new IllegalArgumentException("dim must be ≥ 1, got " + dim);
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed((int) seed);
      NDArray texts = m.randomNormal(new Shape(n, dim));
      NDArray videos = m.randomNormal(new Shape(n, dim));
      return timed(new FeatureSimilarityBlocks(texts, videos), chunk);
    }
  }

  /**
   * X-CLIP prompted scoring ({@link PromptedSimilarityBlocks}): every (text, video) pair of a band
   * runs the model's prompt generator. Features and visual tokens are random, shaped as this
   * model's encoders produce them, so the figure is the prompt generator's cost alone.
   */
  public static Result prompted(VideoClipModel model, NDManager manager, int n, int chunk, long seed) {
    require(n, chunk);
    if (!model.config().xclip().prompts()) {
      throw new IllegalArgumentException("prompted scoring needs a model with X-CLIP prompts on (" + model.config().name()
          + " has them off)");
    }
    try (NDManager m = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed((int) seed);
      ParameterStore ps = new ParameterStore(m, false);
      Shape tokens = visualTokenShape(model, ps, m);
      long d = model.config().embedDim();
      List<Captions> captions = IntStream.range(0, n)
          .mapToObj(i -> new Captions("bench-" + i, List.of(), List.of(), List.of(), List.of())).toList();
      EncodedEvalSet set = new EncodedEvalSet(m.randomNormal(new Shape(n, d)),
          m.randomNormal(new Shape(n, tokens.get(1), tokens.get(2))), m.randomNormal(new Shape(n, d)), captions, 0);
      return timed(new PromptedSimilarityBlocks(model, ps, set), chunk);
    }
  }

  /** (1, G, D) of one clip's visual tokens, from one real forward pass of the video tower. */
  private static Shape visualTokenShape(VideoClipModel model, ParameterStore ps, NDManager m) {
    int px = model.config().vision().imageSize();
    NDArray clip = m.randomNormal(new Shape(1, model.config().xclip().frames(), 3, px, px));
    try (NDManager scope = StepScope.open(m, model, clip)) {
      VideoFeatures v = model.encodeVideo(ps, clip, false);
      return v.promptTokens().getShape();
    }
  }

  /** Both directions after one untimed band (the JIT and libtorch's allocator make the first one slow). */
  private static Result timed(SimilarityBlocks s, int chunk) {
    int n = s.texts();
    int band = Math.min(chunk, n);
    s.block(0, band, 0, n);
    long t0 = System.nanoTime();
    RetrievalEvaluator.Result r = new RetrievalEvaluator(chunk).evaluate(s);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(n, chunk, seconds, (long) band * n * Float.BYTES, r, RetrievalMetrics.chance(n));
  }

  private static void require(int n, int chunk) {
    if (n < 2 || chunk < 1) {
      throw new IllegalArgumentException("retrieval needs N ≥ 2 pairs and chunk ≥ 1, got N " + n + ", chunk " + chunk);
    }
  }
}
