package io.vclip.trainer.run;

import io.vclip.trainer.eval.CheckpointLocation;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.ModelEvaluator;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.train.DataLocations;
import io.vclip.trainer.train.TrainingRun;
import java.io.PrintStream;

/** The evaluation step of {@code vclip run}: the newest checkpoint on the held-out split, beside the run's logs. */
public final class LocalEvaluation {
  private LocalEvaluation() {}

  public static EvalResults evaluateAndReport(LocalRun.Result run, PrintStream out) throws Exception {
    var spec = run.localSpec().getSpec();
    String job = run.localSpec().getMetadata().getName();
    DataLocations where = DataLocations.of(spec, run.runDir());
    if (where.eval() == null) {
      out.println("no held-out data (spec.data.evalShards): evaluation skipped");
      return null;
    }
    return CheckpointEvaluation.run(new CheckpointLocation(where.checkpoints(), job, null), run.server().settings(),
        run.localSpec(), where.eval(), run.runDir(), ModelEvaluator.Plan.full(spec.getOptimization().getSeed()),
        TrainingCurves.read(run.runDir().resolve(TrainingRun.METRICS_LOG)), out).results();
  }
}
