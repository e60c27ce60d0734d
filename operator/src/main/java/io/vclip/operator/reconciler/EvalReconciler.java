package io.vclip.operator.reconciler;

import io.vclip.crds.v1alpha1.EvalPhase;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.TrainingRef;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalStatus;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.FieldError;
import io.vclip.operator.dependent.EvalJob;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.dependent.SpecConfigMap;
import io.vclip.operator.observer.EvalJobObservation;
import io.vclip.operator.recorder.EventRecorder;
import io.vclip.operator.recorder.StatusRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Resolves the checkpoint of a VideoClipEval, runs its Job once, and folds results.json's summary into status. */
public final class EvalReconciler {

  /** How often to look at a training the eval waits for (training status changes do not wake evals). */
  static final Duration WAIT_POLL = Duration.ofSeconds(15);

  private final ClusterObjects objects;
  private final Clock clock;
  private final StatusRecorder status;
  private final EventRecorder events;

  public EvalReconciler(ClusterObjects objects, Clock clock, StatusRecorder status, EventRecorder events) {
    this.objects = objects;
    this.clock = clock;
    this.status = status;
    this.events = events;
  }

  public Optional<Duration> rejectInvalid(VideoClipEval eval, List<FieldError> errors) {
    String message = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    VideoClipEvalStatus st = eval.getStatus();
    st.setObservedGeneration(eval.getMetadata().getGeneration());
    boolean reported = st.getPhase() == EvalPhase.FAILED && st.getConditions().stream()
        .anyMatch(c -> "Failed".equals(c.getType()) && message.equals(c.getMessage()));
    if (!reported) {
      status.phase(eval, EvalPhase.FAILED, TrainingReconciler.INVALID_SPEC, message);
      events.warning(eval, TrainingReconciler.INVALID_SPEC, message);
    }
    return Optional.of(Duration.ofSeconds(30));
  }

  public Optional<Duration> reconcile(VideoClipEval eval, EvalJobObservation job) {
    VideoClipEvalStatus st = eval.getStatus();
    if (st.getPhase() == EvalPhase.FAILED && st.getConditions().stream()
        .anyMatch(c -> "Failed".equals(c.getType()) && TrainingReconciler.INVALID_SPEC.equals(c.getReason()))) {
      st = new VideoClipEvalStatus();
      eval.setStatus(st);
    }
    st.setObservedGeneration(eval.getMetadata().getGeneration());
    if (st.getPhase() == EvalPhase.SUCCEEDED || st.getPhase() == EvalPhase.FAILED) {
      return Optional.empty();
    }
    if (job.exists()) {
      return follow(eval, job);
    }
    if (st.getCheckpointUri() == null) {
      Optional<Duration> waiting = resolveCheckpoint(eval);
      if (st.getCheckpointUri() == null) {
        return waiting;
      }
    }
    st.setJobName(EvalJob.name(eval));
    st.setStartTime(clock.instant().toString());
    objects.createOrUpdate(SpecConfigMap.desired(eval, Labels.EVAL));
    objects.createIfAbsent(EvalJob.desired(eval, st.getCheckpointUri(), runId(eval)));
    String message = "evaluating " + st.getCheckpointUri() + " in Job " + st.getJobName();
    status.phase(eval, EvalPhase.RUNNING, "JobCreated", message);
    events.normal(eval, "JobCreated", message);
    return Optional.empty();
  }

  private Optional<Duration> follow(VideoClipEval eval, EvalJobObservation job) {
    VideoClipEvalStatus st = eval.getStatus();
    if (job.succeeded()) {
      if (job.report().isEmpty() || job.report().get().results() == null) {
        return finish(eval, EvalPhase.FAILED, "NoResults",
            "the eval pod exited with 0 but left no results summary in its termination message");
      }
      st.setResults(job.report().get().results());
      return finish(eval, EvalPhase.SUCCEEDED, "ResultsReady", job.report().get().results().size() + " metrics in status.results");
    }
    if (job.failed()) {
      String detail = job.report().map(r -> r.reason()).orElse(job.lastMessage());
      return finish(eval, EvalPhase.FAILED, "JobFailed",
          "Job " + EvalJob.name(eval) + " failed" + (detail == null ? "" : ": " + detail.strip()));
    }
    if (st.getPhase() != EvalPhase.RUNNING) {
      status.phase(eval, EvalPhase.RUNNING, "JobRunning", "Job " + EvalJob.name(eval) + " is running");
    }
    return Optional.empty();
  }

  private Optional<Duration> finish(VideoClipEval eval, EvalPhase phase, String reason, String message) {
    status.phase(eval, phase, reason, message);
    eval.getStatus().setCompletionTime(clock.instant().toString());
    if (phase == EvalPhase.SUCCEEDED) {
      events.normal(eval, reason, message);
    } else {
      events.warning(eval, reason, message);
    }
    return Optional.empty();
  }

  private Optional<Duration> resolveCheckpoint(VideoClipEval eval) {
    VideoClipEvalStatus st = eval.getStatus();
    if (eval.getSpec().getCheckpoint() != null) {
      st.setCheckpointUri(eval.getSpec().getCheckpoint().getUri());
      return Optional.empty();
    }
    TrainingRef ref = eval.getSpec().getFromTraining();
    VideoClipTraining training = objects.client().resources(VideoClipTraining.class)
        .inNamespace(eval.getMetadata().getNamespace()).withName(ref.getName()).get();
    if (training == null) {
      return waitFor(eval, "TrainingNotFound", "VideoClipTraining '" + ref.getName() + "' does not exist (yet)");
    }
    var trainingStatus = training.getStatus();
    TrainingPhase phase = trainingStatus == null ? null : trainingStatus.getPhase();
    if (phase == TrainingPhase.FAILED) {
      finish(eval, EvalPhase.FAILED, "TrainingFailed", "VideoClipTraining '" + ref.getName() + "' failed");
      return Optional.empty();
    }
    if (ref.isWaitForCompletion() && phase != TrainingPhase.SUCCEEDED) {
      return waitFor(eval, "WaitingForTraining", "waiting for VideoClipTraining '" + ref.getName() + "' to succeed (now "
          + (phase == null ? "not started" : phase) + ")");
    }
    var checkpoint = trainingStatus == null ? null : trainingStatus.getLastCheckpoint();
    if (checkpoint == null || checkpoint.getUri() == null) {
      if (phase == TrainingPhase.SUCCEEDED) {
        finish(eval, EvalPhase.FAILED, "NoCheckpoint", "VideoClipTraining '" + ref.getName() + "' reported no committed checkpoint");
        return Optional.empty();
      }
      return waitFor(eval, "WaitingForCheckpoint", "VideoClipTraining '" + ref.getName() + "' has no committed checkpoint yet");
    }
    st.setCheckpointUri(checkpoint.getUri());
    return Optional.empty();
  }

  private Optional<Duration> waitFor(VideoClipEval eval, String reason, String message) {
    var st = eval.getStatus();
    boolean same = st.getPhase() == EvalPhase.WAITING && st.getConditions().stream()
        .anyMatch(c -> "Created".equals(c.getType()) && reason.equals(c.getReason()));
    if (!same) {
      status.phase(eval, EvalPhase.WAITING, reason, message);
      events.normal(eval, reason, message);
    }
    return Optional.of(WAIT_POLL);
  }

  private static String runId(VideoClipEval eval) {
    String uid = eval.getMetadata().getUid();
    return uid == null ? "local-1" : uid.replace("-", "").substring(0, 8) + "-1";
  }
}
