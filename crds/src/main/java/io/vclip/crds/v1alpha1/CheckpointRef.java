package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A committed checkpoint: its manifest exists and its shards verified. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckpointRef {

  @JsonPropertyDescription("Optimizer step of the checkpoint.")
  private Long step;

  @JsonPropertyDescription("s3:// URI of the checkpoint folder.")
  private String uri;

  @JsonPropertyDescription("When it was committed (RFC 3339).")
  private String time;

  public Long getStep() {
    return step;
  }

  public void setStep(Long step) {
    this.step = step;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }
}
