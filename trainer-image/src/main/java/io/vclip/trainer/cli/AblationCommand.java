package io.vclip.trainer.cli;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.Target;
import io.vclip.trainer.ablation.AblationFailedException;
import io.vclip.trainer.ablation.AblationPlan;
import io.vclip.trainer.ablation.AblationRunner;
import io.vclip.trainer.ablation.AblationTable;
import io.vclip.trainer.run.GroupPolicy;
import io.vclip.trainer.train.TrainingSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vclip ablation SPEC.yaml}: what each part of the objective buys, as one table (docs/ablation.md). */
@Command(name = "ablation", mixinStandardHelpOptions = true,
    description = {"Train and evaluate six variants of one synthetic-world VideoClipTraining that differ only in "
        + "spec.objective (contrastive only; + fixed-k PCE; + TPCM; + TPCM + DDR; + TPCM + HDR; full), each as "
        + "'vclip run' would, then write ablation.md and ablation.json into the output folder."})
final class AblationCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "the base VideoClipTraining (spec.data.synthetic required)")
  Path spec;

  @Option(names = "--out", description = "output folder (default: .vclip/ablation/<metadata.name>-seed<seed>)")
  Path out;

  @Option(names = "--steps", description = "override spec.optimization.maxSteps for every variant")
  Integer steps;

  @Option(names = "--seed", description = "override spec.optimization.seed for every variant (a second seed shows the spread)")
  Long seed;

  @Option(names = "--only", split = ",", paramLabel = "ID",
      description = "run only these variants (of: contrastive, pce-fixed-k, tpcm, tpcm-ddr, tpcm-hdr, full)")
  List<String> only;

  @Spec CommandSpec commandSpec;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = commandSpec.commandLine().getOut();
    PrintWriter stderr = commandSpec.commandLine().getErr();
    VideoClipTraining training = TrainingSpecs.load(spec, Target.LOCAL);
    AblationPlan plan = AblationPlan.of(training);
    if (steps != null) plan = plan.withMaxSteps(steps);
    if (seed != null) plan = plan.withSeed(seed);
    if (only != null) plan = plan.only(only);
    Path dir = out != null ? out
        : Path.of(".vclip", "ablation", training.getMetadata().getName() + "-seed" + plan.base().getSpec().getOptimization().getSeed());
    int replicas = training.getSpec().getReplicas();
    AblationRunner runner = new AblationRunner(dir, LocalWorkerCommand.forReplicas(replicas),
        GroupPolicy.defaults(training.getSpec().getRunPolicy().getBackoffLimit()), stdout);
    try {
      AblationTable table = runner.run(plan);
      stdout.println();
      stdout.print(table.markdown());
      stdout.println();
      stdout.println("table: " + dir.toAbsolutePath().resolve(AblationTable.MARKDOWN));
      stdout.println("json:  " + dir.toAbsolutePath().resolve(AblationTable.JSON));
      stdout.flush();
      return 0;
    } catch (AblationFailedException e) {
      stderr.println("vclip: ablation stopped: " + e.getMessage());
      stderr.println("vclip: the finished rows are in " + dir.toAbsolutePath().resolve(AblationTable.MARKDOWN));
      stderr.flush();
      return e.exitCode();
    }
  }
}
