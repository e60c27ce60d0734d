package io.vclip.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vclip} command line: one subcommand per job a user runs (model, data, train, run, eval).
 * Each subcommand lives in its own class beside this one.
 */
@Command(
    name = "vclip",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Pretrain and evaluate long-description video CLIP models (X-CLIP + VideoCLIP-XL objective).",
    subcommands = {
      CommandLine.HelpCommand.class,
      ModelCommand.class,
      DataCommand.class,
      TrainCommand.class,
      RunCommand.class,
      AblationCommand.class,
      EvalCommand.class,
      ObjectiveCommand.class,
      BenchCommand.class,
    })
public final class VclipCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new VclipCommand());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    return cli;
  }
}
