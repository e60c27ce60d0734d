package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.train.TrainStepBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.vclip.trainer.run.StepSplitBenchmark;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code vclip bench}: whole training steps on this machine, split into forward / backward / optimizer. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time full training steps (model + VideoCLIP-XL objective + AdamW) on random clips and synthetic captions.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "tiny", description = "tiny, ViT-B/32, ViT-B/16, ViT-L/14 (default: ${DEFAULT-VALUE})")
  String preset;
  @Option(names = "--frames", defaultValue = "8") int frames;
  @Option(names = "--batch", defaultValue = "8") int batch;
  @Option(names = "--warmup", defaultValue = "5") int warmup;
  @Option(names = "--steps", defaultValue = "10") int steps;
  @Option(names = "--world", split = ",", paramLabel = "W[,W...]",
      description = "Instead: run real local ranks (Gloo, embedded S3, synthetic world) at each world size with the"
          + " same global batch (--batch) and print rank 0's step split, collectives included")
  List<Integer> worlds;

  @Override
  public Integer call() throws Exception {
    if (worlds != null && !worlds.isEmpty()) {
      return perWorldSize();
    }
    try (BenchModel bench = BenchModel.of(preset, frames)) {
      TrainStepBenchmark.Result r = TrainStepBenchmark.run(bench.config(), bench.tokenizer(), batch, warmup, steps);
      System.out.printf(Locale.ROOT, "%s, %d frames, batch %d, %d threads: step %.1f ms = forward %.1f + backward %.1f"
              + " + optimizer %.1f ms; %.2f samples/s (mean of %d steps after %d warm-up)%n",
          preset, frames, batch, Runtime.getRuntime().availableProcessors(), r.stepMs(), r.forwardMs(), r.backwardMs(),
          r.optimizerMs(), r.samplesPerSecond(), r.steps(), warmup);
    }
    return 0;
  }

  private int perWorldSize() throws Exception {
    for (int w : worlds) {
      if (w < 1 || batch % w != 0) {
        throw new VclipUserException("--world " + w + ": every world size must be >= 1 and divide --batch " + batch);
      }
    }
    Path work = Files.createTempDirectory("vclip-bench-world");
    System.out.printf(Locale.ROOT, "%s, %d frames, global batch %d, %d steps after %d warm-up, %d cores shared by the"
        + " ranks%n", preset, frames, batch, steps, warmup, Runtime.getRuntime().availableProcessors());
    for (int w : worlds) {
      StepSplitBenchmark.Split split = StepSplitBenchmark.measure(
          StepSplitBenchmark.training(preset, frames, batch, warmup + steps), w, warmup, work, LocalWorkerCommand::forReplicas);
      System.out.println(split.render());
    }
    return 0;
  }
}
