package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.objective.ObjectiveBenchmark;
import io.vclip.trainer.objective.ObjectiveConfig;
import io.vclip.trainer.objective.ObjectiveConfig.PceMode;
import io.vclip.trainer.objective.ObjectiveConfig.Tpcm;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vclip objective ...}: the VideoCLIP-XL objective on its own. */
@Command(
    name = "objective",
    mixinStandardHelpOptions = true,
    description = "The VideoCLIP-XL objective (contrastive + TPCM + DDR + HDR) on its own.",
    subcommands = {ObjectiveCommand.Bench.class})
final class ObjectiveCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description = "Time one objective step (forward + backward, CPU, FLOAT32) on random features, default spec.")
  static final class Bench implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "64", description = "Samples per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--dim", defaultValue = "512", description = "Feature width (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--tpcm", defaultValue = "adaptive", description = "adaptive or fixed (default ${DEFAULT-VALUE}).")
    String tpcm;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "50", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int iterations;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (batch < 2 || dim < 1 || warmup < 0 || iterations < 1) {
        throw new VclipUserException("--batch must be >= 2, --dim >= 1, --warmup >= 0 and --iterations >= 1");
      }
      PceMode mode = switch (tpcm) {
        case "adaptive" -> PceMode.ADAPTIVE;
        case "fixed" -> PceMode.FIXED;
        default -> throw new VclipUserException("--tpcm must be adaptive or fixed, got " + tpcm);
      };
      ObjectiveConfig defaults = ObjectiveConfig.defaults();
      ObjectiveConfig config = new ObjectiveConfig(
          defaults.contrastive(), new Tpcm(true, defaults.tpcm().weight(), mode, defaults.tpcm().k()),
          defaults.ddr(), defaults.hdr());
      ObjectiveBenchmark.Figures figures = new ObjectiveBenchmark(config, batch, dim).run(warmup, iterations);
      spec.commandLine().getOut().printf(
          "objective step (B=%d, D=%d, m=%d, tpcm=%s, %d iterations after %d warm-up): %.2f ms forward+backward;"
              + " PCE fit on the JVM %.2f ms; mean k kept %.1f%n",
          batch, dim, config.ddr().sequenceLength(), tpcm, iterations, warmup,
          figures.stepMillis(), figures.pceFitMillis(), figures.meanComponentsKept());
      return 0;
    }
  }
}
