package io.vclip.trainer.cli;

import picocli.CommandLine.Command;

/** {@code vclip model ...}: inspect and convert models. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Inspect presets and import pretrained weights.",
    subcommands = {ModelInfoCommand.class, ModelImportCommand.class, ModelBenchCommand.class})
final class ModelCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
