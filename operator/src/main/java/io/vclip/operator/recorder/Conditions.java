package io.vclip.operator.recorder;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.vclip.crds.v1alpha1.ConditionType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Kubernetes-style conditions: lastTransitionTime moves only when the status (True/False) flips. */
final class Conditions {

  private Conditions() {}

  static String name(ConditionType type) {
    return switch (type) {
      case CREATED -> "Created";
      case RUNNING -> "Running";
      case RESTARTING -> "Restarting";
      case SUSPENDED -> "Suspended";
      case SUCCEEDED -> "Succeeded";
      case FAILED -> "Failed";
    };
  }

  static Optional<Condition> find(List<Condition> conditions, ConditionType type) {
    return conditions.stream().filter(c -> name(type).equals(c.getType())).findFirst();
  }

  static void set(List<Condition> conditions, ConditionType type, boolean status, String reason, String message,
      Instant now, Long generation) {
    String value = status ? "True" : "False";
    Optional<Condition> existing = find(conditions, type);
    String transition = existing.filter(c -> value.equals(c.getStatus())).map(Condition::getLastTransitionTime)
        .orElse(now.toString());
    Condition condition = new ConditionBuilder()
        .withType(name(type))
        .withStatus(value)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(transition)
        .withObservedGeneration(generation)
        .build();
    existing.ifPresentOrElse(
        c -> conditions.set(conditions.indexOf(c), condition),
        () -> conditions.add(condition));
  }

  /** Turns a True condition False (keeping it visible); absent stays absent. */
  static void clear(List<Condition> conditions, ConditionType type, String reason, String message, Instant now, Long generation) {
    find(conditions, type)
        .filter(c -> "True".equals(c.getStatus()))
        .ifPresent(c -> set(conditions, type, false, reason, message, now, generation));
  }

  static boolean isTrue(List<Condition> conditions, ConditionType type) {
    return find(conditions, type).map(c -> Objects.equals("True", c.getStatus())).orElse(false);
  }
}
