package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A HuggingFace tokenizer.json; optional for synthetic data, whose tokenizer is generated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TokenizerRef {

  @JsonPropertyDescription("s3:// URI or local path of tokenizer.json.")
  @Required
  private String uri;

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }
}
