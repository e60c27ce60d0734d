package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Encoder sizes; tiny is for CPUs and tests, the ViT ones match CLIP's published shapes. */
public enum Preset {
  @JsonProperty("tiny")
  TINY,
  @JsonProperty("ViT-B/32")
  VIT_B_32,
  @JsonProperty("ViT-B/16")
  VIT_B_16,
  @JsonProperty("ViT-L/14")
  VIT_L_14;
}
