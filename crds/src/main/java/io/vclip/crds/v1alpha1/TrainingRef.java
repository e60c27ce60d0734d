package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** Evaluate the latest committed checkpoint of a VideoClipTraining in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrainingRef {

  @JsonPropertyDescription("Name of the VideoClipTraining.")
  @Required
  private String name;

  @JsonPropertyDescription("Wait until the training Succeeded; otherwise take its latest checkpoint now.")
  @Default("true")
  private boolean waitForCompletion = true;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isWaitForCompletion() {
    return waitForCompletion;
  }

  public void setWaitForCompletion(boolean waitForCompletion) {
    this.waitForCompletion = waitForCompletion;
  }
}
