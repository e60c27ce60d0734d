package io.vclip.operator.observer;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vclip.crds.contract.TerminationReport;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The eval Job and what its last pod reported.
 *
 * @param report the eval pod's termination report (results summary) when it wrote one
 * @param lastMessage raw termination message of the newest finished pod, for failure messages
 */
public record EvalJobObservation(boolean exists, boolean succeeded, boolean failed, Optional<TerminationReport> report,
    String lastMessage) {

  public static EvalJobObservation observe(Job job, Collection<Pod> pods) {
    if (job == null) {
      return new EvalJobObservation(false, false, false, Optional.empty(), null);
    }
    var status = job.getStatus();
    boolean succeeded = status != null && status.getSucceeded() != null && status.getSucceeded() > 0;
    boolean failed = status != null && status.getConditions() != null && status.getConditions().stream()
        .anyMatch(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()));
    Optional<WorkerState> last = pods.stream()
        .map(PodGroupObserver::stateOf)
        .filter(w -> succeeded ? w.succeeded() : w.finished())
        .max(Comparator.comparing(w -> w.createdAt() == null ? Instant.EPOCH : w.createdAt()));
    String message = last.map(WorkerState::terminationMessage).orElse(null);
    return new EvalJobObservation(true, succeeded, failed, TerminationReport.parse(message), message);
  }
}
