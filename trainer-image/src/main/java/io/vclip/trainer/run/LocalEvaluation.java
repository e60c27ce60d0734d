package io.vclip.trainer.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.trainer.checkpoint.Manifest;
import io.vclip.trainer.data.synthetic.SyntheticTokenizerFile;
import io.vclip.trainer.eval.CheckpointedModel;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.ModelEvaluator;
import io.vclip.trainer.eval.RetrievalMetrics;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.report.HtmlReport;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.train.DataLocations;
import io.vclip.trainer.train.ModelSetup;
import io.vclip.trainer.train.TokenizerFiles;
import io.vclip.trainer.train.TrainingRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** The evaluation step of {@code vclip run}: the final checkpoint on the held-out split, results.json and report.html. */
public final class LocalEvaluation {
  private LocalEvaluation() {}

  public static EvalResults evaluateAndReport(LocalRun.Result run, PrintStream out) throws Exception {
    VideoClipTrainingSpec spec = run.localSpec().getSpec();
    String job = run.localSpec().getMetadata().getName();
    DataLocations where = DataLocations.of(spec, run.runDir());
    if (where.eval() == null) {
      out.println("no held-out data (spec.data.evalShards): evaluation skipped");
      return null;
    }
    Path tokenizerFile = tokenizer(run, spec);
    ModelConfig config = ModelSetup.config(spec.getModel(), TokenizerFiles.vocabularySize(tokenizerFile));
    EvalResults results;
    try (NDManager manager = NDManager.newBaseManager();
        ObjectStore store = ObjectStore.open(where.checkpoints(), run.server().settings());
        ObjectStore eval = ObjectStore.open(where.eval(), run.server().settings());
        ClipTokenizer tokenizer = ClipTokenizer.load(tokenizerFile, config.text().contextLength())) {
      VideoClipModel model = CheckpointedModel.fresh(config, manager);
      Manifest manifest = CheckpointedModel.load(model, store, job);
      String uri = where.checkpoints() + "/" + job + "/step-" + manifest.step() + "/";
      results = new ModelEvaluator(model, tokenizer, manager)
          .evaluate(eval, ModelEvaluator.Plan.full(spec.getOptimization().getSeed()), uri, true);
    }
    Path json = run.runDir().resolve("results.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
    Path html = run.runDir().resolve("report.html");
    HtmlReport.write(html, "vclip run " + job, results, TrainingCurves.read(run.runDir().resolve(TrainingRun.METRICS_LOG)));
    printSummary(results, out);
    out.println("results: " + json);
    out.println("report:  " + html);
    return results;
  }

  private static Path tokenizer(LocalRun.Result run, VideoClipTrainingSpec spec) throws java.io.IOException {
    if (spec.getModel().getTokenizer() != null) return Path.of(spec.getModel().getTokenizer().getUri());
    Path file = run.runDir().resolve("synthetic-tokenizer-eval.json");
    SyntheticTokenizerFile.writeWorldTokenizer(file);
    return file;
  }

  static void printSummary(EvalResults r, PrintStream out) {
    if (r.retrieval() != null) {
      RetrievalMetrics t2v = r.retrieval().textToVideo();
      double chance = r.retrieval().chance().recallAt1();
      out.printf(Locale.ROOT, "held-out text→video R@1 %.1f%% (chance %.1f%%, %.1f× chance), R@5 %.1f%%, video→text R@1 %.1f%% over %d pairs%n",
          t2v.recallAt1(), chance, t2v.recallAt1() / chance, t2v.recallAt5(), r.retrieval().videoToText().recallAt1(),
          r.retrieval().pairs());
    }
    if (r.lvdr() != null) {
      r.lvdr().forEach((subset, s) -> out.printf(Locale.ROOT, "LVDR %s: %.1f%% fully correct, %.1f%% pairs ordered%n",
          subset, 100 * s.fullyCorrect(), 100 * s.pairAccuracy()));
    }
    if (r.ddr() != null) out.printf(Locale.ROOT, "DDR: %.1f%% pairs ordered%n", 100 * r.ddr().pairAccuracy());
    if (r.hdr() != null) out.printf(Locale.ROOT, "HDR: %.1f%% pairs ordered%n", 100 * r.hdr().pairAccuracy());
  }
}
