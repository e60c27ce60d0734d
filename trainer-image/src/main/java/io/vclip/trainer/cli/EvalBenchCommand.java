package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.vclip.trainer.eval.EncodingBenchmark;
import io.vclip.trainer.eval.RetrievalBenchmark;
import io.vclip.trainer.eval.RetrievalMetrics;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vclip eval bench}: what an evaluation costs on this machine — encoding throughput and N × N retrieval. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Time the evaluation's parts on random inputs: video and text encoding throughput of a model preset,",
        "N × N text↔video retrieval through the chunked scorer on random unit features (R@1 must come out at chance),",
        "and X-CLIP prompted scoring for a smaller N."})
final class EvalBenchCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "tiny", description = "tiny, ViT-B/32, ViT-B/16, ViT-L/14 (default: ${DEFAULT-VALUE})")
  String preset;
  @Option(names = "--frames", defaultValue = "8", description = "frames per clip (default: ${DEFAULT-VALUE})")
  int frames;
  @Option(names = "--videos", defaultValue = "64", description = "clips timed through the video tower (default: ${DEFAULT-VALUE})")
  int videos;
  @Option(names = "--texts", defaultValue = "256", description = "long captions timed through the text tower (default: ${DEFAULT-VALUE})")
  int texts;
  @Option(names = "--batch", defaultValue = "16", description = "clips or captions per forward pass (default: ${DEFAULT-VALUE})")
  int batch;
  @Option(names = "--warmup", defaultValue = "2", description = "untimed batches per tower first (default: ${DEFAULT-VALUE})")
  int warmup;
  @Option(names = "--retrieval-n", defaultValue = "10000", description = "N of the N × N feature retrieval; 0 skips it (default: ${DEFAULT-VALUE})")
  int retrievalN;
  @Option(names = "--dim", defaultValue = "512", description = "feature dimension D of that retrieval (default: ${DEFAULT-VALUE})")
  int dim;
  @Option(names = "--chunk", defaultValue = "256", description = "rows or columns of S held at a time (default: ${DEFAULT-VALUE}, as vclip eval)")
  int chunk;
  @Option(names = "--prompted-n", defaultValue = "256", description = "N of the X-CLIP prompted retrieval; 0 skips it (default: ${DEFAULT-VALUE})")
  int promptedN;
  @Option(names = "--prompted-chunk", defaultValue = "32", description = "band width of the prompted retrieval (default: ${DEFAULT-VALUE})")
  int promptedChunk;
  @Option(names = "--seed", defaultValue = "1") long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    check(videos >= 1 && texts >= 1 && batch >= 1, "--videos, --texts and --batch must be ≥ 1");
    check(warmup >= 0 && frames >= 1, "--warmup must be ≥ 0 and --frames ≥ 1");
    check(retrievalN == 0 || retrievalN >= 2, "--retrieval-n must be 0 (skip) or ≥ 2, got " + retrievalN);
    check(promptedN == 0 || promptedN >= 2, "--prompted-n must be 0 (skip) or ≥ 2, got " + promptedN);
    check(dim >= 1 && chunk >= 1 && promptedChunk >= 1, "--dim, --chunk and --prompted-chunk must be ≥ 1");
    PrintWriter out = spec.commandLine().getOut();
    int cores = Runtime.getRuntime().availableProcessors();
    try (BenchModel bench = BenchModel.of(preset, frames); NDManager manager = NDManager.newBaseManager()) {
      ModelConfig config = bench.config();
      ClipTokenizer tokenizer = bench.tokenizer();
      Engine.getInstance().setRandomSeed((int) seed);
      VideoClipModel model = new VideoClipModel(config).initialize(manager);
      EncodingBenchmark.Result e = new EncodingBenchmark(model, tokenizer, manager).run(videos, texts, batch, warmup);
      out.printf(Locale.ROOT, "encode %s, %d frames × %d px, batch %d, %d cores: %.1f videos/s (%d clips in %.2f s),"
              + " %.1f texts/s (%d captions in %.2f s, tokenizer included), after %d warm-up batches%n",
          config.name(), config.xclip().frames(), config.vision().imageSize(), batch, cores, e.videosPerSecond(),
          e.videos(), e.videoSeconds(), e.textsPerSecond(), e.texts(), e.textSeconds(), warmup);
      out.flush();
      if (retrievalN > 0) {
        RetrievalBenchmark.Result r = RetrievalBenchmark.features(retrievalN, dim, chunk, seed);
        // The evaluator holds a band three times at its peak: the engine's product, its float[] copy, the 2-D rows.
        out.printf(Locale.ROOT, "retrieval %d × %d, random unit features D=%d, chunk %d: %.2f s for both directions,"
                + " %.3g pairs/s; peak chunk memory %.1f MB (band of %d × %d floats, %.1f MB, held ≤ 3× while copied"
                + " out; the whole matrix would be %.1f MB)%n",
            r.n(), r.n(), dim, r.chunk(), r.seconds(), r.pairsPerSecond(), 3 * r.bandBytes() / 1e6,
            Math.min(r.chunk(), r.n()), r.n(), r.bandBytes() / 1e6, (double) r.n() * r.n() * Float.BYTES / 1e6);
        printRecall(out, r);
      }
      if (promptedN > 0 && config.xclip().prompts()) {
        RetrievalBenchmark.Result r = RetrievalBenchmark.prompted(model, manager, promptedN, promptedChunk, seed);
        out.printf(Locale.ROOT, "prompted retrieval %d × %d, %s X-CLIP prompts, chunk %d: %.2f s for both directions,"
                + " %.3g prompted pairs/s (every pair runs the prompt generator)%n",
            r.n(), r.n(), config.name(), r.chunk(), r.seconds(), r.pairsPerSecond());
        printRecall(out, r);
      }
    }
    return 0;
  }

  private static void printRecall(PrintWriter out, RetrievalBenchmark.Result r) {
    RetrievalMetrics t2v = r.metrics().textToVideo();
    RetrievalMetrics v2t = r.metrics().videoToText();
    RetrievalMetrics chance = r.chance();
    out.printf(Locale.ROOT, "  text→video R@1 %.3f%% R@5 %.3f%% mean rank %.1f; video→text R@1 %.3f%% R@5 %.3f%% mean rank %.1f;"
            + " chance R@1 %.3f%% R@5 %.3f%% mean rank %.1f%n",
        t2v.recallAt1(), t2v.recallAt5(), t2v.meanRank(), v2t.recallAt1(), v2t.recallAt5(), v2t.meanRank(),
        chance.recallAt1(), chance.recallAt5(), chance.meanRank());
    out.flush();
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new VclipUserException("eval bench: " + message);
  }
}
