package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.Benchmark;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalSpec;
import io.vclip.crds.validation.EvalValidator;
import io.vclip.crds.validation.FieldError;
import io.vclip.crds.validation.Target;
import io.vclip.crds.yaml.InvalidResourceException;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.eval.CheckpointLocation;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.ModelEvaluator;
import io.vclip.trainer.run.CheckpointEvaluation;
import io.vclip.trainer.storage.S3Settings;
import io.vclip.trainer.storage.S3Uri;
import io.vclip.trainer.train.TerminationLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vclip eval}: a committed checkpoint on held-out data — retrieval, LVDR, DDR and HDR ranking. */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = EvalBenchCommand.class,
    description = {"Evaluate a committed checkpoint and write results.json and report.html.",
        "The checkpoint is s3://bucket/prefix/<job>/step-N/, or s3://bucket/prefix/<job>/ for the newest one; "
            + "the model is rebuilt from the training.yaml the trainer stored beside it."})
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--checkpoint", paramLabel = "URI", description = "overrides spec.checkpoint.uri")
  String checkpoint;

  @Option(names = "--spec", paramLabel = "FILE", description = "a VideoClipEval (default: $VCLIP_SPEC_FILE when it exists)")
  Path spec;

  @Option(names = "--out", paramLabel = "DIR", description = "where results.json and report.html go (default: ./eval-results)")
  Path out;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    VideoClipEvalSpec evalSpec = loadSpec(env);
    String uri = checkpoint != null ? checkpoint
        : evalSpec != null && evalSpec.getCheckpoint() != null ? evalSpec.getCheckpoint().getUri() : null;
    if (uri == null) {
      throw new VclipUserException("no checkpoint: pass --checkpoint or set spec.checkpoint.uri of the VideoClipEval");
    }
    CheckpointLocation where;
    try {
      where = CheckpointLocation.parse(uri);
    } catch (IllegalArgumentException e) {
      throw new VclipUserException("--checkpoint: " + e.getMessage(), e);
    }
    S3Settings s3 = S3Uri.isS3(uri) ? s3(env, evalSpec) : null;
    Path outDir = out != null ? out : Path.of(env.getOrDefault(TrainerEnv.OUTPUT_DIR, "eval-results"));
    String evalData = evalSpec != null && evalSpec.getData() != null
        ? firstNonNull(evalSpec.getData().getEvalShards(), evalSpec.getData().getShards()) : null;
    var training = CheckpointEvaluation.training(where, s3);
    CheckpointEvaluation.Outcome outcome = CheckpointEvaluation.run(where, s3, training, evalData, outDir,
        plan(evalSpec, training.getSpec().getOptimization().getSeed()), null, System.out);
    EvalResults r = outcome.results();
    TerminationLog.write(Path.of(env.getOrDefault(TrainerEnv.TERMINATION_LOG, TrainerEnv.TERMINATION_MESSAGE_PATH)),
        new TerminationReport(null, null, null, null,
            new TerminationReport.Checkpoint(null, r.checkpoint(), null), r.summary(), null));
    return 0;
  }

  private VideoClipEvalSpec loadSpec(Map<String, String> env) {
    Path file = spec;
    if (file == null && env.containsKey(TrainerEnv.SPEC_FILE) && Files.isRegularFile(Path.of(env.get(TrainerEnv.SPEC_FILE)))) {
      file = Path.of(env.get(TrainerEnv.SPEC_FILE));
    }
    if (file == null) return null;
    VideoClipEval eval;
    try {
      eval = ResourceYaml.read(file, VideoClipEval.class);
    } catch (InvalidResourceException e) {
      throw new VclipUserException(e.getMessage(), e);
    }
    List<FieldError> errors = EvalValidator.validate(eval, Target.LOCAL);
    if (!errors.isEmpty()) {
      throw new VclipUserException(file + " is invalid:\n  "
          + errors.stream().map(FieldError::toString).collect(Collectors.joining("\n  ")));
    }
    return eval.getSpec();
  }

  static ModelEvaluator.Plan plan(VideoClipEvalSpec spec, long seed) {
    ModelEvaluator.Plan full = ModelEvaluator.Plan.full(seed);
    if (spec == null) return full;
    List<Benchmark> b = spec.getBenchmarks();
    boolean ranking = b.contains(Benchmark.LVDR) || b.contains(Benchmark.DDR) || b.contains(Benchmark.HDR);
    List<Integer> q = b.contains(Benchmark.LVDR) ? spec.getLvdr().getQ() : List.of();
    return new ModelEvaluator.Plan(b.contains(Benchmark.RETRIEVAL), ranking, spec.getLvdr().getP(), q, full.chunk(), seed);
  }

  private static S3Settings s3(Map<String, String> env, VideoClipEvalSpec spec) {
    String endpoint = spec != null && spec.getStore() != null ? spec.getStore().getEndpoint() : null;
    try {
      return S3Settings.fromEnv(env, endpoint);
    } catch (IllegalArgumentException e) {
      throw new VclipUserException("the checkpoint is on S3: " + e.getMessage(), e);
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
