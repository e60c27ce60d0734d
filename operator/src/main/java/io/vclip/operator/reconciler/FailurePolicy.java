package io.vclip.operator.reconciler;

import io.vclip.crds.contract.ExitCodes;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.v1alpha1.RunPolicy;
import io.vclip.operator.observer.WorkerState;
import java.util.List;

/** What a failed worker means for its group: end the job, or restart the group (counted or not). */
final class FailurePolicy {

  enum Verdict {
    FAIL,
    RESTART,
    /** Restart without counting against backoffLimit: the trainer checkpointed before it was stopped. */
    RESTART_FREE
  }

  record Decision(Verdict verdict, String reason, String message) {}

  private static final int MAX_MESSAGE = 512;

  private FailurePolicy() {}

  static Decision decide(WorkerState worker, RunPolicy policy) {
    String what = "worker " + worker.rank() + " (pod " + worker.podName() + ")";
    if (worker.exitCode() == null) {
      return new Decision(Verdict.RESTART, "PodFailed", what + " failed before its trainer exited");
    }
    int code = worker.exitCode();
    String message = what + " exited with code " + code + detail(worker.terminationMessage());
    return switch (ExitCodes.meaningOf(code)) {
      case BAD_CONFIG -> new Decision(Verdict.FAIL, "BadConfig", message);
      case NON_FINITE_LOSS -> new Decision(Verdict.FAIL, "NonFiniteLoss", message);
      case PREEMPTED -> new Decision(Verdict.RESTART_FREE, "Preempted", message);
      case SUCCESS -> new Decision(Verdict.RESTART, "PodFailed", what + " was marked Failed although it exited with 0");
      case RETRYABLE_FAILURE -> retryable(code, policy.getRestartOnExitCodes(), message);
    };
  }

  private static Decision retryable(int code, List<Integer> restartOn, String message) {
    if (restartOn != null && !restartOn.isEmpty() && !restartOn.contains(code)) {
      return new Decision(Verdict.FAIL, "ExitCodeNotRetryable",
          message + " (not in spec.runPolicy.restartOnExitCodes " + restartOn + ")");
    }
    return new Decision(Verdict.RESTART, "WorkerFailed", message);
  }

  /** The trainer's own reason when it wrote a report; otherwise the log tail Kubernetes fell back to. */
  private static String detail(String terminationMessage) {
    if (terminationMessage == null || terminationMessage.isBlank()) {
      return "";
    }
    String text = TerminationReport.parse(terminationMessage)
        .map(TerminationReport::reason)
        .orElse(terminationMessage.strip());
    if (text == null || text.isBlank()) {
      return "";
    }
    text = text.replace('\n', ' ');
    return ": " + (text.length() > MAX_MESSAGE ? text.substring(text.length() - MAX_MESSAGE) : text);
  }
}
