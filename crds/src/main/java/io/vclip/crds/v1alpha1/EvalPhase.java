package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
