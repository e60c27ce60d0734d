package io.vclip.operator.recorder;

import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * A deep copy of a status taken before reconciling, to tell whether anything changed. The status POJOs have
 * no equals(), so copies are compared by their JSON.
 */
public final class StatusSnapshot {

  private StatusSnapshot() {}

  public static <S> S copy(S status) {
    return status == null ? null : Serialization.clone(status);
  }

  static String json(Object status) {
    return status == null ? "null" : Serialization.asJson(status);
  }
}
