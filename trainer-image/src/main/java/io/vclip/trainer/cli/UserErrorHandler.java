package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import picocli.CommandLine;

/**
 * Turns a {@link VclipUserException} (bad input the user can fix) into one clear line and exit code 2,
 * instead of a stack trace; anything else is a bug and keeps its trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int EXIT_USER_ERROR = io.vclip.crds.contract.ExitCodes.BAD_CONFIG;

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) throws Exception {
    if (ex instanceof VclipUserException) {
      cli.getErr().println("vclip: error: " + ex.getMessage());
      return EXIT_USER_ERROR;
    }
    throw ex;
  }
}
