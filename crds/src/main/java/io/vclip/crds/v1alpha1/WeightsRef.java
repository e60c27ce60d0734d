package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** Reference checkpoint to start from, in one of the formats the trainer can map to its parameter names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WeightsRef {

  @JsonPropertyDescription("s3:// URI or local path of the weights file.")
  @Required
  private String uri;

  @JsonPropertyDescription("Layout of the weights: hf-clip, openai-clip, long-clip or xclip.")
  @Default("hf-clip")
  private WeightFormat format = WeightFormat.HF_CLIP;

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public WeightFormat getFormat() {
    return format;
  }

  public void setFormat(WeightFormat format) {
    this.format = format;
  }
}
