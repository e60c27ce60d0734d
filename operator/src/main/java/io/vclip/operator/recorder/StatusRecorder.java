package io.vclip.operator.recorder;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.CustomResource;
import io.vclip.crds.v1alpha1.ConditionType;
import io.vclip.crds.v1alpha1.EvalPhase;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalStatus;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingStatus;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place that changes phases and conditions and writes status to the API server. A phase change
 * sets that phase's condition True and turns the conditions of states just left False with the same reason,
 * so {@code kubectl describe} always says why a state ended.
 */
public final class StatusRecorder {

  private static final List<ConditionType> TRANSIENT =
      List.of(ConditionType.RUNNING, ConditionType.RESTARTING, ConditionType.SUSPENDED);
  private static final int CONFLICT_RETRIES = 3;

  private final KubernetesClient client;
  private final Clock clock;

  public StatusRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void phase(VideoClipTraining training, TrainingPhase phase, String reason, String message) {
    VideoClipTrainingStatus status = training.getStatus();
    status.setPhase(phase);
    apply(status.getConditions(), conditionOf(phase), reason, message, training.getMetadata().getGeneration());
  }

  public void phase(VideoClipEval eval, EvalPhase phase, String reason, String message) {
    VideoClipEvalStatus status = eval.getStatus();
    status.setPhase(phase);
    ConditionType type = switch (phase) {
      case WAITING -> ConditionType.CREATED;
      case RUNNING -> ConditionType.RUNNING;
      case SUCCEEDED -> ConditionType.SUCCEEDED;
      case FAILED -> ConditionType.FAILED;
    };
    apply(status.getConditions(), type, reason, message, eval.getMetadata().getGeneration());
  }

  /** Marks a condition without a phase change (e.g. Created once the first pod group exists). */
  public void condition(VideoClipTraining training, ConditionType type, boolean value, String reason, String message) {
    Conditions.set(training.getStatus().getConditions(), type, value, reason, message, clock.instant(),
        training.getMetadata().getGeneration());
  }

  public static boolean isTrue(List<Condition> conditions, ConditionType type) {
    return Conditions.isTrue(conditions, type);
  }

  /**
   * Hands the resource to {@code writer} if its status differs from {@code before}. Under JOSDK the writer also
   * puts the written resource into the informer cache, so the next reconcile never sees the older status.
   * A resource deleted meanwhile (e.g. by its TTL) has no status left to write.
   */
  public <P extends CustomResource<?, S>, S> void persist(P resource, S before, Consumer<P> writer) {
    if (sameJson(before, resource.getStatus())) {
      return;
    }
    try {
      writer.accept(resource);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /**
   * Replaces the whole status (a merge patch could not clear a field), guarded by resourceVersion; on a
   * conflict the status is put on a fresh copy.
   */
  public <S> void update(CustomResource<?, S> resource) {
    S status = resource.getStatus();
    CustomResource<?, S> target = resource;
    for (int attempt = 1; ; attempt++) {
      try {
        client.resource(target).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= CONFLICT_RETRIES) {
          throw e;
        }
        CustomResource<?, S> fresh = client.resource(target).get();
        if (fresh == null) {
          return;
        }
        fresh.setStatus(status);
        target = fresh;
      }
    }
  }

  private void apply(List<Condition> conditions, ConditionType type, String reason, String message, Long generation) {
    var now = clock.instant();
    Conditions.set(conditions, type, true, reason, message, now, generation);
    for (ConditionType other : TRANSIENT) {
      if (other != type) {
        Conditions.clear(conditions, other, reason, message, now, generation);
      }
    }
  }

  private static ConditionType conditionOf(TrainingPhase phase) {
    return switch (phase) {
      case CREATED -> ConditionType.CREATED;
      case RUNNING -> ConditionType.RUNNING;
      case RESTARTING -> ConditionType.RESTARTING;
      case SUSPENDED -> ConditionType.SUSPENDED;
      case SUCCEEDED -> ConditionType.SUCCEEDED;
      case FAILED -> ConditionType.FAILED;
    };
  }

  private static boolean sameJson(Object a, Object b) {
    return StatusSnapshot.json(a).equals(StatusSnapshot.json(b));
  }
}
