package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
