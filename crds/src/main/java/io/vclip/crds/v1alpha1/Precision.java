package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Numeric precision of the forward and backward pass. */
public enum Precision {
  @JsonProperty("fp32")
  FP32,
  @JsonProperty("bf16")
  BF16;
}
