package io.vclip.trainer.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.loader.Batch;
import io.vclip.trainer.data.loader.LoaderConfig;
import io.vclip.trainer.data.loader.VideoDataLoader;
import io.vclip.trainer.data.loader.LoaderPosition;
import io.vclip.trainer.data.ranking.RankingSequence;
import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VideoFeatures;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.progress.ProgressBar;
import io.vclip.trainer.storage.ObjectStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the benchmarks of docs/eval.md for one model on one held-out shard set, with the training
 * code's loader (same decode, resize and normalisation) and model.
 */
public final class ModelEvaluator {
  /** What to run. {@code lvdrQ} lists the q of the p×q subsets (p = {@code lvdrP}). */
  public record Plan(boolean retrieval, boolean ranking, int lvdrP, List<Integer> lvdrQ, int chunk, long seed) {
    public static Plan full(long seed) {
      return new Plan(true, true, 4, List.of(1, 2, 3, 4, 5), 256, seed);
    }
  }

  private final VideoClipModel model;
  private final ClipTokenizer tokenizer;
  private final NDManager manager;
  private final ParameterStore ps;

  public ModelEvaluator(VideoClipModel model, ClipTokenizer tokenizer, NDManager manager) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.manager = manager;
    this.ps = new ParameterStore(manager, false);
  }

  public EvalResults evaluate(ObjectStore shards, Plan plan, String checkpoint, boolean progress) {
    EncodedEvalSet set = encode(shards, progress);
    EvalResults.Retrieval retrieval = null;
    double similaritySeconds = 0;
    long promptedPairs = 0;
    if (plan.retrieval()) {
      SimilarityBlocks s = similarity(set);
      long t0 = System.nanoTime();
      RetrievalEvaluator ev = new RetrievalEvaluator(plan.chunk());
      int[] t2v = ev.textToVideoRanks(s);
      int[] v2t = ev.videoToTextRanks(s);
      similaritySeconds = (System.nanoTime() - t0) / 1e9;
      if (set.promptTokens() != null) promptedPairs = 2L * set.size() * set.size();
      retrieval = new EvalResults.Retrieval(set.size(), RetrievalMetrics.fromRanks(t2v), RetrievalMetrics.fromRanks(v2t),
          RetrievalMetrics.chance(set.size()), RecallCurve.fromRanks(t2v, 50), RecallCurve.fromRanks(v2t, 50));
    }
    RankingScores ddr = null;
    RankingScores hdr = null;
    SortedMap<String, RankingScores> lvdr = null;
    if (plan.ranking()) {
      ddr = rankStored(set, Captions::ddr);
      hdr = rankStored(set, Captions::hdr);
      lvdr = new TreeMap<>();
      RankingSynthesizer synth = new RankingSynthesizer();
      for (int q : plan.lvdrQ()) {
        List<List<String>> items = new ArrayList<>();
        for (Captions c : set.captions()) {
          RankingSequence seq = synth.hallucinations(c.longCaptions().get(0), plan.lvdrP(), q, plan.seed() ^ c.videoId().hashCode());
          items.add(seq.complete() ? seq.texts() : List.of());
        }
        RankingScores scores = rank(set, items);
        if (scores != null) lvdr.put(plan.lvdrP() + "x" + q, scores);
      }
    }
    double encodeSeconds = set.encodeSeconds();
    EvalResults.Cost cost = new EvalResults.Cost(encodeSeconds, set.size() / encodeSeconds, set.size() / encodeSeconds,
        similaritySeconds, promptedPairs);
    return new EvalResults(EvalResults.SCHEMA, checkpoint, java.time.Instant.now().toString(), retrieval, lvdr, ddr, hdr, cost);
  }

  /** One pass over the shards: every distinct sample once, in a fixed order. */
  public EncodedEvalSet encode(ObjectStore shards, boolean progress) {
    long start = System.nanoTime();
    long total = io.vclip.trainer.data.shard.ShardIndex.read(shards).totalSamples();
    int batch = batchDividing(total, 64);
    int px = model.config().vision().imageSize();
    // A shuffle buffer of 1 and a fixed seed: the evaluation is the same set in the same order every time.
    LoaderConfig config = new LoaderConfig(batch, model.config().xclip().frames(), px, px, 1, 0, 2, 2);
    List<NDArray> videos = new ArrayList<>();
    List<NDArray> tokens = new ArrayList<>();
    List<NDArray> texts = new ArrayList<>();
    List<Captions> captions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (VideoDataLoader loader = VideoDataLoader.open(shards, config, 0, 1, LoaderPosition.START);
        ProgressBar bar = progress ? ProgressBar.onStderr("encode", total, "videos") : null) {
      for (int b = 0; b < loader.batchesPerEpoch(); b++) {
        Batch next = loader.next();
        try (NDManager scope = StepScope.open(manager, model)) {
          NDArray frames = scope.create(next.frameBytes(), new Shape(next.shape()), ai.djl.ndarray.types.DataType.FLOAT32);
          VideoFeatures v = model.encodeVideo(ps, frames, false);
          List<String> longText = next.captions().stream().map(c -> c.longCaptions().get(0)).toList();
          NDArray t = encodeTexts(longText, scope);
          for (int i = 0; i < next.size(); i++) {
            if (!seen.add(next.keys().get(i))) continue;
            videos.add(keep(v.video().get(i)));
            if (model.config().xclip().prompts()) tokens.add(keep(v.promptTokens().get(i)));
            texts.add(keep(t.get(i)));
            captions.add(next.captions().get(i));
          }
        }
        if (bar != null) bar.advance(next.size());
      }
    }
    NDArray videoFeatures = NDArrays.stack(new NDList(videos));
    NDArray textFeatures = NDArrays.stack(new NDList(texts));
    NDArray promptTokens = tokens.isEmpty() ? null : NDArrays.stack(new NDList(tokens));
    return new EncodedEvalSet(videoFeatures, promptTokens, textFeatures, captions, (System.nanoTime() - start) / 1e9);
  }

  private NDArray keep(NDArray a) {
    NDArray copy = a.duplicate();
    copy.attach(manager);
    return copy;
  }

  private NDArray encodeTexts(List<String> texts, NDManager scope) {
    var tok = tokenizer.encode(texts);
    return model.encodeText(ps, tok.idsArray(scope), tok.eotArray(scope), false);
  }

  static int batchDividing(long n, int max) {
    for (int b = (int) Math.min(max, n); b > 1; b--) if (n % b == 0) return b;
    return 1;
  }

  private SimilarityBlocks similarity(EncodedEvalSet set) {
    if (set.promptTokens() == null) return new FeatureSimilarityBlocks(set.texts(), set.videos());
    return new PromptedSimilarityBlocks(model, ps, set);
  }

  private RankingScores rankStored(EncodedEvalSet set, java.util.function.Function<Captions, List<String>> field) {
    return rank(set, set.captions().stream().map(field).toList());
  }

  /** Scores each item's descriptions against its own video; items with fewer than 2 texts are left out. */
  private RankingScores rank(EncodedEvalSet set, List<List<String>> items) {
    List<float[]> scores = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<String> texts = items.get(i);
      if (texts.size() < 2) continue;
      try (NDManager scope = StepScope.open(manager, model, set.videos(), set.promptTokens())) {
        NDArray t = encodeTexts(texts, scope);
        NDArray video = set.videos().get(new NDIndex("{}:{}", i, i + 1));
        if (set.promptTokens() != null) {
          VideoFeatures v = new VideoFeatures(video, set.promptTokens().get(new NDIndex("{}:{}", i, i + 1)));
          t = model.promptPaired(ps, t.expandDims(0), v, false).squeeze(0);
        }
        NDArray tn = t.div(t.norm(new int[] {-1}, true));
        NDArray vn = video.div(video.norm(new int[] {-1}, true));
        scores.add(tn.matMul(vn.transpose()).toFloatArray());
      }
    }
    return scores.isEmpty() ? null : RankingScores.of(scores);
  }
}
