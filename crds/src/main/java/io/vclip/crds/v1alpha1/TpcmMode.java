package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How TPCM picks its principal components. */
public enum TpcmMode {
  @JsonProperty("adaptive")
  ADAPTIVE,
  @JsonProperty("fixed")
  FIXED;
}
