package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Condition types of both resources; each carries a reason and a message. */
public enum ConditionType {
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
