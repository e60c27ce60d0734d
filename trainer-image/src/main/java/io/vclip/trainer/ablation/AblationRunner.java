package io.vclip.trainer.ablation;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.run.GroupPolicy;
import io.vclip.trainer.run.LocalEvaluation;
import io.vclip.trainer.run.LocalRun;
import io.vclip.trainer.train.TrainingRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs an {@link AblationPlan} one variant after the other through the same path as {@code vclip run}
 * (embedded S3, local worker processes, evaluation of the final checkpoint), all under one output
 * folder: the variants share its S3 folder, so the synthetic world is generated once and every row
 * reads the same shards. After each variant the table so far is rewritten.
 */
public final class AblationRunner {
  private final Path outDir;
  private final List<String> workerCommand;
  private final GroupPolicy policy;
  private final PrintWriter progress;

  /**
   * @param workerCommand the command that runs one rank ({@code java … vclip train})
   * @param progress receives one line when a variant starts and one when it ends
   */
  public AblationRunner(Path outDir, List<String> workerCommand, GroupPolicy policy, PrintWriter progress) {
    this.outDir = outDir.toAbsolutePath();
    this.workerCommand = List.copyOf(workerCommand);
    this.policy = policy;
    this.progress = progress;
  }

  public AblationTable run(AblationPlan plan) throws Exception {
    requireFresh(plan);
    AblationTable table = new AblationTable(AblationTable.Setup.of(plan.base()), List.of());
    int n = plan.variants().size();
    for (int i = 0; i < n; i++) {
      AblationVariant variant = plan.variants().get(i);
      progress.printf(Locale.ROOT, "[%d/%d] %s: %s — training%n", i + 1, n, variant.id(), variant.label());
      progress.flush();
      AblationRow row = runOne(variant);
      table = table.with(row);
      table.write(outDir);
      progress.printf(Locale.ROOT, "[%d/%d] %s: done in %.0f s — t→v R@1 %s, final loss %s%n", i + 1, n, variant.id(),
          row.wallSeconds(), row.textToVideoR1() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", row.textToVideoR1()),
          row.finalLoss() == null ? "–" : String.format(Locale.ROOT, "%.3f", row.finalLoss()));
      progress.flush();
    }
    return table;
  }

  private AblationRow runOne(AblationVariant variant) throws Exception {
    long start = System.nanoTime();
    LocalRun.Result result = LocalRun.train(variant.training(), outDir, workerCommand, 0, policy);
    try (var server = result.server()) {
      if (!result.outcome().succeeded()) {
        throw new AblationFailedException(variant, result.outcome(), result.runDir());
      }
      EvalResults results;
      // The evaluation's own summary goes to a file beside its results: the console gets one line per variant.
      try (OutputStream file = Files.newOutputStream(result.runDir().resolve("eval-summary.txt"));
          PrintStream summary = new PrintStream(file, true, StandardCharsets.UTF_8)) {
        results = LocalEvaluation.evaluateAndReport(result, summary);
      }
      if (results == null) {
        throw new VclipUserException("variant '" + variant.id() + "' has no held-out data to evaluate "
            + "(spec.data.synthetic.heldOutVideos)");
      }
      TrainingCurves curves = TrainingCurves.read(result.runDir().resolve(TrainingRun.METRICS_LOG));
      return AblationRow.of(variant, results, curves, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * A variant whose run folder already exists would resume from its old checkpoints (the trainer
   * resumes from the newest committed step), which is a different budget than the other rows got.
   */
  private void requireFresh(AblationPlan plan) {
    for (AblationVariant v : plan.variants()) {
      Path runDir = outDir.resolve("runs").resolve(v.job());
      if (Files.exists(runDir)) {
        throw new VclipUserException("output folder " + outDir + " already holds a run of variant '" + v.id()
            + "' (" + runDir + "): its checkpoints would be resumed; choose another --out or delete that folder");
      }
    }
  }
}
