package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who enforces all-or-nothing scheduling of the pod group. */
public enum GangProvider {
  @JsonProperty("coscheduling")
  COSCHEDULING,
  @JsonProperty("volcano")
  VOLCANO,
  @JsonProperty("none")
  NONE;
}
