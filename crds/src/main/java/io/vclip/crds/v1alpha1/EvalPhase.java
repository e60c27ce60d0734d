package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Life-cycle phase of an evaluation; Succeeded and Failed are final. */
public enum EvalPhase {
  @JsonProperty("Waiting")
  WAITING,
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("Succeeded")
  SUCCEEDED,
  @JsonProperty("Failed")
  FAILED;

  /** The name kubectl shows (the JSON value), for messages and metric labels. */
  @Override
  public String toString() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }
}
