package io.vclip.crds.contract;

/**
 * Exit codes of the trainer process and what the operator does with each. Codes 2 and 4 are "fatal":
 * restarting the group would only fail the same way again, so they end the job at once.
 */
public final class ExitCodes {

  public static final int SUCCESS = 0;
  /** The spec or a file it names is invalid; the trainer writes the reason to the termination message. */
  public static final int BAD_CONFIG = 2;
  /** The process got SIGTERM (eviction, preemption) and committed a checkpoint before exiting. */
  public static final int PREEMPTED = 3;
  /** The loss stayed non-finite for more steps than the trainer tolerates. */
  public static final int NON_FINITE_LOSS = 4;

  /** What an exit code means for the pod group. */
  public enum Meaning {
    SUCCESS,
    BAD_CONFIG,
    PREEMPTED,
    NON_FINITE_LOSS,
    RETRYABLE_FAILURE
  }

  private ExitCodes() {}

  public static Meaning meaningOf(int exitCode) {
    return switch (exitCode) {
      case SUCCESS -> Meaning.SUCCESS;
      case BAD_CONFIG -> Meaning.BAD_CONFIG;
      case PREEMPTED -> Meaning.PREEMPTED;
      case NON_FINITE_LOSS -> Meaning.NON_FINITE_LOSS;
      default -> Meaning.RETRYABLE_FAILURE;
    };
  }
}
