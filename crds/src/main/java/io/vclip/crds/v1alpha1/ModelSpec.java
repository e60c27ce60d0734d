package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The X-CLIP video encoder and Long-CLIP text encoder to train. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelSpec {

  @JsonPropertyDescription("Encoder size: tiny, ViT-B/32, ViT-B/16 or ViT-L/14.")
  @Default("tiny")
  private Preset preset = Preset.TINY;

  @JsonPropertyDescription("Frames sampled per video (T).")
  @Default("8")
  @Min(1)
  @Max(64)
  private int frames = 8;

  @JsonPropertyDescription("X-CLIP cross-frame communication tokens in every block.")
  @Default("true")
  private boolean crossFrameAttention = true;

  @JsonPropertyDescription("X-CLIP multi-frame integration transformer on top of the frame features.")
  @Default("true")
  private boolean mit = true;

  @JsonPropertyDescription("X-CLIP video-specific prompt generator for the text side.")
  @Default("true")
  private boolean prompts = true;

  @JsonPropertyDescription("Weights to start from; absent = random initialisation.")
  private WeightsRef pretrained;

  @JsonPropertyDescription("Tokenizer; absent = the generated tokenizer of the synthetic world.")
  private TokenizerRef tokenizer;

  public Preset getPreset() {
    return preset;
  }

  public void setPreset(Preset preset) {
    this.preset = preset;
  }

  public int getFrames() {
    return frames;
  }

  public void setFrames(int frames) {
    this.frames = frames;
  }

  public boolean isCrossFrameAttention() {
    return crossFrameAttention;
  }

  public void setCrossFrameAttention(boolean crossFrameAttention) {
    this.crossFrameAttention = crossFrameAttention;
  }

  public boolean isMit() {
    return mit;
  }

  public void setMit(boolean mit) {
    this.mit = mit;
  }

  public boolean isPrompts() {
    return prompts;
  }

  public void setPrompts(boolean prompts) {
    this.prompts = prompts;
  }

  public WeightsRef getPretrained() {
    return pretrained;
  }

  public void setPretrained(WeightsRef pretrained) {
    this.pretrained = pretrained;
  }

  public TokenizerRef getTokenizer() {
    return tokenizer;
  }

  public void setTokenizer(TokenizerRef tokenizer) {
    this.tokenizer = tokenizer;
  }
}
