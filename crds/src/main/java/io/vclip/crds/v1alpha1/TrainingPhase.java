package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Life-cycle phase of a training; Succeeded and Failed are final. */
public enum TrainingPhase {
  @JsonProperty("Created")
  CREATED,
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("Restarting")
  RESTARTING,
  @JsonProperty("Suspended")
  SUSPENDED,
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
