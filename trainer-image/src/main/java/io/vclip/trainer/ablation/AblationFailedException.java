package io.vclip.trainer.ablation;

import io.vclip.trainer.run.GroupOutcome;

/** A variant's training did not complete; the rows finished before it are already on disk. */
public final class AblationFailedException extends RuntimeException {
  private final int exitCode;

  AblationFailedException(AblationVariant variant, GroupOutcome outcome, java.nio.file.Path runDir) {
    super("variant '" + variant.id() + "' failed after " + outcome.attempts() + " attempt(s): " + outcome.reason()
        + " (logs in " + runDir.resolve("logs") + ")");
    this.exitCode = outcome.exitCode();
  }

  public int exitCode() {
    return exitCode;
  }
}
