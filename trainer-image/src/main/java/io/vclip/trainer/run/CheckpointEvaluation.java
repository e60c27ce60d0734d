package io.vclip.trainer.run;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.checkpoint.CheckpointStore;
import io.vclip.trainer.checkpoint.DjlParameters;
import io.vclip.trainer.checkpoint.Manifest;
import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.data.synthetic.SyntheticTokenizerFile;
import io.vclip.trainer.eval.CheckpointLocation;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.ModelEvaluator;
import io.vclip.trainer.eval.RetrievalMetrics;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.report.HtmlReport;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.S3Settings;
import io.vclip.trainer.train.DataLocations;
import io.vclip.trainer.train.LocalFiles;
import io.vclip.trainer.train.ModelSetup;
import io.vclip.trainer.train.TokenizerFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Evaluates one committed checkpoint: rebuilds the model the training described (its
 * {@code training.yaml} beside the checkpoints), encodes the held-out data with the training code's
 * loader, and writes {@code results.json} and {@code report.html}. Used by {@code vclip eval} (the
 * operator's eval Job) and by {@code vclip run} after training.
 */
public final class CheckpointEvaluation {
  /** What an evaluation wrote. */
  public record Outcome(EvalResults results, Path resultsJson, Path reportHtml) {}

  private CheckpointEvaluation() {}

  /** The training resource the trainer stored beside its checkpoints. */
  public static VideoClipTraining training(CheckpointLocation where, S3Settings s3) {
    try (ObjectStore root = ObjectStore.open(where.root(), s3)) {
      String key = CheckpointLocation.trainingKey(where.job());
      if (!root.exists(key)) {
        throw new VclipUserException("no " + key + " under " + root.location()
            + ": not a vclip checkpoint folder, or written by a trainer that did not store its spec");
      }
      return (VideoClipTraining) ResourceYaml.readAll(new String(root.get(key), StandardCharsets.UTF_8), key).get(0);
    }
  }

  /**
   * @param evalData held-out shards, or null for the training's own held-out split
   * @param curves the training's loss curves for the report, or null
   */
  public static Outcome run(CheckpointLocation where, S3Settings s3, VideoClipTraining training, String evalData,
      Path outDir, ModelEvaluator.Plan plan, TrainingCurves curves, PrintStream out) throws Exception {
    VideoClipTrainingSpec spec = training.getSpec();
    Files.createDirectories(outDir);
    String data = evalData != null ? evalData : DataLocations.of(spec, outDir).eval();
    if (data == null) {
      throw new VclipUserException("no held-out data: set spec.data.evalShards of the VideoClipEval (the training had none)");
    }
    Path tokenizerFile = tokenizer(spec, s3, outDir);
    ModelConfig config = ModelSetup.config(spec.getModel(), TokenizerFiles.vocabularySize(tokenizerFile));
    EvalResults results;
    try (NDManager manager = NDManager.newBaseManager();
        ObjectStore store = ObjectStore.open(where.root(), s3);
        ObjectStore eval = ObjectStore.open(data, s3);
        ClipTokenizer tokenizer = ClipTokenizer.load(tokenizerFile, config.text().contextLength())) {
      VideoClipModel model = new VideoClipModel(config).initialize(manager);
      CheckpointStore checkpoints = new CheckpointStore(store, where.job(), Integer.MAX_VALUE);
      Manifest manifest = (where.step() == null ? checkpoints.latest() : checkpoints.manifest(where.step()))
          .orElseThrow(() -> new VclipUserException("no committed checkpoint "
              + (where.step() == null ? "" : "step-" + where.step() + " ") + "of job '" + where.job() + "' under "
              + store.location()));
      DjlParameters.load(model, checkpoints.restore(manifest, 0, 1).model());
      String uri = where.root() + "/" + where.job() + "/step-" + manifest.step() + "/";
      results = new ModelEvaluator(model, tokenizer, manager).evaluate(eval, plan, uri, true);
    }
    Path json = outDir.resolve("results.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
    Path html = outDir.resolve("report.html");
    HtmlReport.write(html, "vclip " + where.job(), results, curves);
    printSummary(results, out);
    out.println("results: " + json);
    out.println("report:  " + html);
    return new Outcome(results, json, html);
  }

  private static Path tokenizer(VideoClipTrainingSpec spec, S3Settings s3, Path outDir) throws java.io.IOException {
    if (spec.getModel().getTokenizer() != null) {
      return LocalFiles.resolve(spec.getModel().getTokenizer().getUri(), "spec.model.tokenizer.uri", s3,
          outDir.resolve("downloads"));
    }
    Path file = outDir.resolve("synthetic-tokenizer.json");
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
