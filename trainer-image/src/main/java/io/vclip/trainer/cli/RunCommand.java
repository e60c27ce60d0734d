package io.vclip.trainer.cli;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.Target;
import io.vclip.trainer.run.GroupPolicy;
import io.vclip.trainer.run.LocalRun;
import io.vclip.trainer.run.LocalEvaluation;
import io.vclip.trainer.train.TrainingSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vclip run SPEC.yaml}: the whole job on this machine, as the operator would run it on a cluster. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Train a VideoClipTraining locally: embedded S3 (./.vclip/s3), one process per replica, "
        + "group restart from the last checkpoint if a worker dies; then evaluate on the held-out data and "
        + "write results.json and report.html."})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "a VideoClipTraining resource")
  Path spec;

  @Option(names = "--workdir", defaultValue = ".vclip", description = "where the run keeps its files (default: ${DEFAULT-VALUE})")
  Path workDir;

  @Option(names = "--metrics-port", defaultValue = "0",
      description = "serve Prometheus metrics, rank r on PORT+r (default: off)")
  int metricsPort;

  @Option(names = "--no-eval", description = "skip the evaluation after training")
  boolean noEval;

  @Override
  public Integer call() throws Exception {
    VideoClipTraining training = TrainingSpecs.load(spec, Target.LOCAL);
    List<String> worker = LocalWorkerCommand.forReplicas(training.getSpec().getReplicas());
    LocalRun.Result result = LocalRun.train(training, workDir.toAbsolutePath(), worker, metricsPort,
        GroupPolicy.defaults(training.getSpec().getRunPolicy().getBackoffLimit()));
    try (var server = result.server()) {
      if (!result.outcome().succeeded()) {
        System.err.println("vclip: training failed after " + result.outcome().attempts() + " attempt(s): "
            + result.outcome().reason());
        return result.outcome().exitCode();
      }
      System.out.println("trained " + training.getMetadata().getName() + " in " + result.outcome().attempts()
          + " attempt(s); logs and metrics in " + result.runDir());
      if (!noEval) LocalEvaluation.evaluateAndReport(result, System.out);
      return 0;
    }
  }
}
