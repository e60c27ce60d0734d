package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Evaluation suites of vclip eval. */
public enum Benchmark {
  @JsonProperty("retrieval")
  RETRIEVAL,
  @JsonProperty("lvdr")
  LVDR,
  @JsonProperty("ddr")
  DDR,
  @JsonProperty("hdr")
  HDR;
}
