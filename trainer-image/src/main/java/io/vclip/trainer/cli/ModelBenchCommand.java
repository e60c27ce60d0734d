package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.StepBenchmark;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vclip model bench}: forward+backward time of one model step on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Time forward+backward of the model on random clips and captions.")
final class ModelBenchCommand implements Runnable {
  @Mixin ModelOptions model;

  @Option(names = "--batch", defaultValue = "8", description = "Clips (and captions) per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--text-tokens",
      defaultValue = "248",
      description = "Caption length in tokens incl. start/end (default: ${DEFAULT-VALUE}, the worst case).")
  int textTokens;

  @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    if (batch < 1 || steps < 1 || warmup < 0) {
      throw new VclipUserException("bench: --batch and --steps must be >= 1 and --warmup >= 0");
    }
    ModelConfig c = model.config();
    if (textTokens < 2 || textTokens > c.text().contextLength()) {
      throw new VclipUserException("bench: --text-tokens must be in [2, " + c.text().contextLength() + "], got " + textTokens);
    }
    StepBenchmark.Result r = StepBenchmark.run(c, batch, textTokens, warmup, steps);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s, %d frames, %d px, batch %d, %d-token captions: forward+backward %.1f ms/step wall (min %.1f, max %.1f), %.1f ms/step"
            + " process CPU, over %d steps after %d warm-up, %d cores%n",
        c.name(), c.xclip().frames(), c.vision().imageSize(), batch, textTokens, r.meanMs(), r.minMs(), r.maxMs(),
        r.cpuMsPerStep(), r.steps(), warmup, Runtime.getRuntime().availableProcessors());
    out.flush();
  }
}
