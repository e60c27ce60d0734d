package io.vclip.trainer.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.data.synthetic.SyntheticWorld;
import io.vclip.trainer.data.synthetic.WorldConfig;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.model.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoding throughput of an evaluation: clips through the video tower and long captions through the
 * tokenizer and the text tower, in inference mode and one {@link StepScope} per batch, as
 * {@link ModelEvaluator#encode} runs them. The clip tensor is made once (random frames: the cost of
 * a tower does not depend on pixel values); the captions are the synthetic world's, so their token
 * counts are realistic. The loader's decode is left out: it has its own benchmark.
 */
public final class EncodingBenchmark {
  /** Timed work after warm-up. */
  public record Result(int videos, double videoSeconds, int texts, double textSeconds) {
    public double videosPerSecond() {
      return videos / videoSeconds;
    }

    public double textsPerSecond() {
      return texts / textSeconds;
    }
  }

  private final VideoClipModel model;
  private final ClipTokenizer tokenizer;
  private final NDManager manager;
  private final ParameterStore ps;

  public EncodingBenchmark(VideoClipModel model, ClipTokenizer tokenizer, NDManager manager) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.manager = manager;
    this.ps = new ParameterStore(manager, false);
  }

  /**
   * @param videos clips timed, rounded up to whole batches
   * @param texts captions timed, rounded up to whole batches
   * @param warmupBatches untimed batches of each tower first (the JIT and libtorch's allocator make
   *     the first ones slow)
   */
  public Result run(int videos, int texts, int batch, int warmupBatches) {
    if (videos < 1 || texts < 1 || batch < 1 || warmupBatches < 0) {
      throw new IllegalArgumentException("videos, texts and batch must be ≥ 1 and warm-up ≥ 0, got videos " + videos
          + ", texts " + texts + ", batch " + batch + ", warm-up " + warmupBatches);
    }
    int px = model.config().vision().imageSize();
    int videoBatches = (videos + batch - 1) / batch;
    double videoSeconds;
    try (NDArray clips = manager.randomNormal(new Shape(batch, model.config().xclip().frames(), 3, px, px))) {
      for (int i = 0; i < warmupBatches; i++) encodeVideos(clips);
      long t0 = System.nanoTime();
      for (int i = 0; i < videoBatches; i++) encodeVideos(clips);
      videoSeconds = (System.nanoTime() - t0) / 1e9;
    }

    List<List<String>> captions = captionBatches(warmupBatches + (texts + batch - 1) / batch, batch);
    for (int i = 0; i < warmupBatches; i++) encodeTexts(captions.get(i));
    long t1 = System.nanoTime();
    for (int i = warmupBatches; i < captions.size(); i++) encodeTexts(captions.get(i));
    double textSeconds = (System.nanoTime() - t1) / 1e9;
    int textBatches = captions.size() - warmupBatches;
    return new Result(videoBatches * batch, videoSeconds, textBatches * batch, textSeconds);
  }

  private void encodeVideos(NDArray clips) {
    try (NDManager scope = StepScope.open(manager, model, clips)) {
      var v = model.encodeVideo(ps, clips, false);
      v.video().toFloatArray(); // the engine may run lazily: wait for the result before the clock moves on
    }
  }

  private void encodeTexts(List<String> texts) {
    try (NDManager scope = StepScope.open(manager, model)) {
      TokenizedText tok = tokenizer.encode(texts);
      model.encodeText(ps, tok.idsArray(scope), tok.eotArray(scope), false).toFloatArray();
    }
  }

  /** Distinct long captions of the synthetic world's held-out split, in batches. */
  private static List<List<String>> captionBatches(int batches, int batch) {
    SyntheticWorld world = new SyntheticWorld(WorldConfig.defaults(1)).heldOut();
    List<List<String>> out = new ArrayList<>();
    long index = 0;
    for (int b = 0; b < batches; b++) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < batch; i++) texts.add(world.sample(index++).captions().longCaptions().get(0));
      out.add(texts);
    }
    return out;
  }
}
