package io.vclip.trainer.telemetry;

/**
 * Training stopped because the loss was NaN or infinite too many steps in a row: the run is diverging
 * and more steps would only waste accelerator time. The process exits with {@link #EXIT_CODE}, which
 * the operator reports as a failed (not retried) run.
 */
public class NonFiniteLossException extends RuntimeException {
  public static final int EXIT_CODE = 4;

  public NonFiniteLossException(String message) {
    super(message);
  }

  public int exitCode() {
    return EXIT_CODE;
  }
}
