package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Reference checkpoint layouts the trainer maps to its own parameter names. */
public enum WeightFormat {
  @JsonProperty("hf-clip")
  HF_CLIP,
  @JsonProperty("openai-clip")
  OPENAI_CLIP,
  @JsonProperty("long-clip")
  LONG_CLIP,
  @JsonProperty("xclip")
  XCLIP;
}
