package io.vclip.trainer.cli;

import picocli.CommandLine.Command;

/** {@code vclip data ...}: build, synthesise and inspect data shards. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Pack videos into shards, generate the synthetic world, precompute DDR/HDR texts.",
    subcommands = {DataPackCommand.class, DataSyntheticCommand.class, DataSynthCommand.class})
final class DataCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
