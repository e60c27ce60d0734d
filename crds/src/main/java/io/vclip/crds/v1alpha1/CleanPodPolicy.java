package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which pods are deleted when a job finishes (names as in Kubeflow's run policy). */
public enum CleanPodPolicy {
  @JsonProperty("None")
  NONE,
  @JsonProperty("Running")
  RUNNING,
  @JsonProperty("All")
  ALL;
}
