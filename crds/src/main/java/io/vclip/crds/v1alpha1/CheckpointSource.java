package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An explicit checkpoint folder to evaluate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckpointSource {

  @JsonPropertyDescription("s3:// URI of a committed checkpoint folder (it holds manifest.json).")
  @Required
  private String uri;

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }
}
