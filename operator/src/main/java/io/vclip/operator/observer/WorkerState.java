package io.vclip.operator.observer;

import java.time.Instant;

/**
 * One worker pod as the kubelet reports it.
 *
 * @param exitCode the trainer's exit code once the container terminated, else null
 * @param terminationMessage what the container left at the termination-message path (or its last log lines)
 * @param terminating the pod has a deletion timestamp
 */
public record WorkerState(
    int rank,
    String podName,
    String runId,
    String phase,
    boolean ready,
    Integer exitCode,
    String terminationMessage,
    boolean terminating,
    Instant createdAt) {

  public boolean succeeded() {
    return "Succeeded".equals(phase);
  }

  public boolean failed() {
    return "Failed".equals(phase);
  }

  public boolean running() {
    return "Running".equals(phase);
  }

  public boolean finished() {
    return succeeded() || failed();
  }
}
