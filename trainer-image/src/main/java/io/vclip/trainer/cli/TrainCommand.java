package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.Target;
import io.vclip.trainer.train.StopSignal;
import io.vclip.trainer.train.TerminationLog;
import io.vclip.trainer.train.TrainingRun;
import io.vclip.trainer.train.TrainingSpecs;
import io.vclip.trainer.train.WorkerContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vclip train}: one trainer rank, as a pod runs it (the env contract plus the spec file). */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Run one trainer rank: reads MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK, VCLIP_JOB, "
        + "VCLIP_RUN_ID and the spec file (VCLIP_SPEC_FILE or --spec).",
        "Exit codes: 0 done, 2 bad config, 3 stopped by SIGTERM after a checkpoint, 4 loss stayed non-finite."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--spec", description = "VideoClipTraining YAML (default: $VCLIP_SPEC_FILE or /etc/vclip/spec.yaml)")
  Path spec;

  @Override
  public Integer call() throws Exception {
    WorkerContext ctx = WorkerContext.fromEnv(System.getenv(), spec);
    VideoClipTraining training;
    try {
      // The operator validated the cluster-only fields already; LOCAL checks what the trainer itself needs.
      training = TrainingSpecs.load(ctx.specFile(), Target.LOCAL);
      return TrainingRun.execute(ctx, training, StopSignal.installForSigterm());
    } catch (VclipUserException e) {
      TerminationLog.write(ctx.terminationLog(),
          new TerminationReport(null, null, null, null, null, null, e.getMessage()));
      throw e;
    }
  }
}
