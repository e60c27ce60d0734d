package io.vclip.operator.reconciler;

import io.vclip.crds.v1alpha1.ConditionType;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingStatus;
import io.vclip.crds.validation.FieldError;
import io.vclip.operator.dependent.PodGroupManifest;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.observer.PodGroupObservation;
import io.vclip.operator.observer.WorkerState;
import io.vclip.operator.recorder.EventRecorder;
import io.vclip.operator.recorder.StatusRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moves one VideoClipTraining one step toward its desired state, given what the observer saw. Every call is
 * idempotent: it decides from the status and the pods alone, so a repeated or stale reconcile does no harm.
 * Returns when it wants to look again (pod events also wake it).
 */
public final class TrainingReconciler {

  /** How often to look while waiting for pods to appear or to go away. */
  static final Duration POLL = Duration.ofSeconds(2);
  /** How often a running training's store is listed for newly committed checkpoints. */
  static final Duration CHECKPOINT_POLL = Duration.ofSeconds(60);
  public static final String INVALID_SPEC = "InvalidSpec";

  private final Clock clock;
  private final RestartBackoff backoff;
  private final StatusRecorder status;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final ClusterObjects objects;
  private final GroupLauncher launcher;
  private final FinishedJobs finished;

  public TrainingReconciler(ClusterObjects objects, Clock clock, RestartBackoff backoff, StatusRecorder status,
      EventRecorder events, OperatorMetrics metrics) {
    this.objects = objects;
    this.clock = clock;
    this.backoff = backoff;
    this.status = status;
    this.events = events;
    this.metrics = metrics;
    this.launcher = new GroupLauncher(objects);
    this.finished = new FinishedJobs(objects);
  }

  /** The spec failed validation: a Failed condition and one event naming every field; no pods. */
  public Optional<Duration> rejectInvalid(VideoClipTraining training, List<FieldError> errors) {
    String message = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    VideoClipTrainingStatus st = training.getStatus();
    boolean alreadyReported = st.getPhase() == TrainingPhase.FAILED && message.equals(failedMessage(st));
    st.setObservedGeneration(training.getMetadata().getGeneration());
    if (!alreadyReported) {
      status.phase(training, TrainingPhase.FAILED, INVALID_SPEC, message);
      st.setCompletionTime(clock.instant().toString());
      events.warning(training, INVALID_SPEC, message);
    }
    // Cluster preconditions (a Secret created later) can heal without a spec change: look again.
    return Optional.of(Duration.ofSeconds(30));
  }

  public Optional<Duration> reconcile(VideoClipTraining training, PodGroupObservation group) {
    try {
      return step(training, group);
    } catch (ClusterObjects.MissingCrdException e) {
      return fail(training, group, "GangSchedulerMissing", e.getMessage());
    }
  }

  private Optional<Duration> step(VideoClipTraining training, PodGroupObservation group) {
    VideoClipTrainingStatus st = training.getStatus();
    Instant now = clock.instant();
    if (st.getPhase() == TrainingPhase.FAILED && INVALID_SPEC.equals(failedReason(st))) {
      // The spec (or the cluster) was fixed: start over as if just created.
      st = new VideoClipTrainingStatus();
      training.setStatus(st);
    }
    st.setObservedGeneration(training.getMetadata().getGeneration());
    st.setMaxSteps(training.getSpec().getOptimization().getMaxSteps());
    st.setReadyReplicas(group.ready());
    if (st.getCurrentStep() != null) {
      st.setProgress(st.getCurrentStep() + "/" + st.getMaxSteps());
    }

    if (st.getPhase() == TrainingPhase.SUCCEEDED || st.getPhase() == TrainingPhase.FAILED) {
      finished.cleanUp(training, group);
      return finished.expire(training, now);
    }
    if (training.getSpec().getRunPolicy().isSuspend()) {
      return suspend(training, group);
    }
    Optional<Duration> deadline = untilDeadline(training, now);
    if (deadline.isPresent() && deadline.get().isZero()) {
      long seconds = training.getSpec().getRunPolicy().getActiveDeadlineSeconds();
      return fail(training, group, "DeadlineExceeded",
          "the job ran longer than spec.runPolicy.activeDeadlineSeconds (" + seconds + " s)");
    }
    if (st.getPhase() == TrainingPhase.SUSPENDED || st.getRunId() == null) {
      return start(training, group, st.getPhase() == TrainingPhase.SUSPENDED);
    }
    if (st.getNextRestartTime() != null) {
      return restartWhenDue(training, group, now);
    }
    if (!group.stale().isEmpty()) {
      objects.deletePods(training.getMetadata().getNamespace(), group.stale());
    }
    Optional<WorkerState> failure = group.firstFailure();
    if (failure.isPresent()) {
      return onFailure(training, group, failure.get(), now);
    }
    if (group.allSucceeded()) {
      status.phase(training, TrainingPhase.SUCCEEDED, "AllWorkersSucceeded",
          "all " + group.replicas() + " workers exited with code 0");
      st.setCompletionTime(now.toString());
      events.normal(training, "Succeeded", "training finished at step " + st.getProgress());
      finished.cleanUp(training, group);
      return finished.expire(training, now);
    }
    if (!group.complete()) {
      if (st.getPhase() == TrainingPhase.RUNNING) {
        return restart(training, group, FailurePolicy.Verdict.RESTART_FREE, "WorkerPodDeleted",
            "a worker pod of the running group disappeared (deleted or evicted)", now);
      }
      launcher.launch(training, group);
      return Optional.of(POLL);
    }
    if (group.allRunning() && st.getPhase() != TrainingPhase.RUNNING) {
      status.phase(training, TrainingPhase.RUNNING, "AllPodsRunning", "all " + group.replicas() + " workers are running");
      if (st.getRunStartTime() != null) {
        metrics.allPodsRunningAfter(Duration.between(Instant.parse(st.getRunStartTime()), now).toMillis() / 1000.0);
      }
      events.normal(training, "Running", "all " + group.replicas() + " workers of run " + st.getRunId() + " are running");
    }
    // While running, look again now and then: new checkpoints appear in the store, not as pod events.
    return Optional.of(deadline.filter(d -> d.compareTo(CHECKPOINT_POLL) < 0).orElse(CHECKPOINT_POLL));
  }

  private Optional<Duration> start(VideoClipTraining training, PodGroupObservation group, boolean resuming) {
    if (group.anyPods()) {
      // Pods of an earlier run (or of a suspended one) must be gone before ranks with the same names return.
      deleteAll(training, group);
      return Optional.of(POLL);
    }
    VideoClipTrainingStatus st = training.getStatus();
    newRun(training);
    st.setStartTime(clock.instant().toString());
    launcher.launch(training, group);
    String reason = resuming ? "Resumed" : "PodGroupCreated";
    String message = "created " + training.getSpec().getReplicas() + " worker pods for run " + st.getRunId();
    status.phase(training, TrainingPhase.CREATED, reason, message);
    events.normal(training, reason, message);
    return Optional.of(POLL);
  }

  private Optional<Duration> suspend(VideoClipTraining training, PodGroupObservation group) {
    deleteAll(training, group);
    PodGroupManifest.definition(training.getSpec().getRunPolicy().getGang().getProvider())
        .ifPresent(d -> objects.delete(d, training.getMetadata().getNamespace(), PodGroupManifest.name(training)));
    VideoClipTrainingStatus st = training.getStatus();
    if (st.getPhase() != TrainingPhase.SUSPENDED) {
      status.phase(training, TrainingPhase.SUSPENDED, "Suspended",
          "spec.runPolicy.suspend is true: pods deleted; resuming starts a new run from the last checkpoint");
      st.setStartTime(null);
      st.setNextRestartTime(null);
      events.normal(training, "Suspended", "pods deleted");
    }
    return Optional.empty();
  }

  private Optional<Duration> onFailure(VideoClipTraining training, PodGroupObservation group, WorkerState worker, Instant now) {
    FailurePolicy.Decision decision = FailurePolicy.decide(worker, training.getSpec().getRunPolicy());
    if (decision.verdict() == FailurePolicy.Verdict.FAIL) {
      return fail(training, group, decision.reason(), decision.message());
    }
    int limit = training.getSpec().getRunPolicy().getBackoffLimit();
    if (decision.verdict() == FailurePolicy.Verdict.RESTART && training.getStatus().getFailureRestarts() >= limit) {
      return fail(training, group, "BackoffLimitExceeded",
          decision.message() + "; spec.runPolicy.backoffLimit (" + limit + ") restarts used");
    }
    return restart(training, group, decision.verdict(), decision.reason(), decision.message(), now);
  }

  private Optional<Duration> restart(VideoClipTraining training, PodGroupObservation group, FailurePolicy.Verdict verdict,
      String reason, String message, Instant now) {
    VideoClipTrainingStatus st = training.getStatus();
    st.setRestarts(st.getRestarts() + 1);
    Duration delay = Duration.ZERO;
    if (verdict == FailurePolicy.Verdict.RESTART) {
      st.setFailureRestarts(st.getFailureRestarts() + 1);
      delay = backoff.delayBefore(st.getFailureRestarts());
    }
    st.setNextRestartTime(now.plus(delay).toString());
    st.setReadyReplicas(0);
    deleteAll(training, group);
    String full = message + "; restarting the group in " + delay.toSeconds() + " s from the last checkpoint";
    status.phase(training, TrainingPhase.RESTARTING, reason, full);
    events.warning(training, reason, full);
    metrics.groupRestarted(reason);
    return Optional.of(delay.compareTo(POLL) > 0 ? delay : POLL);
  }

  private Optional<Duration> restartWhenDue(VideoClipTraining training, PodGroupObservation group, Instant now) {
    VideoClipTrainingStatus st = training.getStatus();
    if (group.anyPods()) {
      deleteAll(training, group);
      return Optional.of(POLL);
    }
    Instant due = Instant.parse(st.getNextRestartTime());
    if (now.isBefore(due)) {
      return Optional.of(Duration.between(now, due));
    }
    st.setNextRestartTime(null);
    newRun(training);
    launcher.launch(training, PodGroupObservation.empty(training.getSpec().getReplicas()));
    events.normal(training, "GroupRestarted", "created " + training.getSpec().getReplicas() + " worker pods for run " + st.getRunId());
    return Optional.of(POLL);
  }

  private Optional<Duration> fail(VideoClipTraining training, PodGroupObservation group, String reason, String message) {
    VideoClipTrainingStatus st = training.getStatus();
    status.phase(training, TrainingPhase.FAILED, reason, message);
    st.setCompletionTime(clock.instant().toString());
    st.setNextRestartTime(null);
    events.warning(training, reason, message);
    finished.cleanUp(training, group);
    return finished.expire(training, clock.instant());
  }

  private void newRun(VideoClipTraining training) {
    VideoClipTrainingStatus st = training.getStatus();
    st.setAttempt(st.getAttempt() + 1);
    st.setRunId(RunIds.of(training, st.getAttempt()));
    st.setRunStartTime(clock.instant().toString());
    if (!StatusRecorder.isTrue(st.getConditions(), ConditionType.CREATED)) {
      status.condition(training, ConditionType.CREATED, true, "PodGroupCreated", "the first pod group was created");
    }
  }

  private void deleteAll(VideoClipTraining training, PodGroupObservation group) {
    List<WorkerState> all = new ArrayList<>(group.current());
    all.addAll(group.stale());
    objects.deletePods(training.getMetadata().getNamespace(), all);
  }

  /** Time left before activeDeadlineSeconds; zero when it passed; empty without a deadline or start. */
  private static Optional<Duration> untilDeadline(VideoClipTraining training, Instant now) {
    Long seconds = training.getSpec().getRunPolicy().getActiveDeadlineSeconds();
    String started = training.getStatus().getStartTime();
    if (seconds == null || started == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, Instant.parse(started).plusSeconds(seconds));
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  private static String failedReason(VideoClipTrainingStatus st) {
    return st.getConditions().stream().filter(c -> "Failed".equals(c.getType())).map(c -> c.getReason()).findFirst().orElse(null);
  }

  private static String failedMessage(VideoClipTrainingStatus st) {
    return st.getConditions().stream().filter(c -> "Failed".equals(c.getType())).map(c -> c.getMessage()).findFirst().orElse(null);
  }
}
