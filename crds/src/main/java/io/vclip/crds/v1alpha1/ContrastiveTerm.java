package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** The video-text InfoNCE term over the all-gathered global batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContrastiveTerm {

  @JsonPropertyDescription("Weight of the term in the total loss.")
  @Default("1.0")
  @Min(0)
  private double weight = 1.0;

  public double getWeight() {
    return weight;
  }

  public void setWeight(double weight) {
    this.weight = weight;
  }
}
