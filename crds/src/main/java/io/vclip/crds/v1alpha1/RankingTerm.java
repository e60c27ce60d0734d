package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** A VideoCLIP-XL description-ranking term (DDR or HDR). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RankingTerm {

  @JsonPropertyDescription("Whether the term is trained.")
  @Default("true")
  private boolean enabled = true;

  @JsonPropertyDescription("Weight of the term in the total loss.")
  @Default("1.0")
  @Min(0)
  private double weight = 1.0;

  @JsonPropertyDescription("Similarity margin between consecutive ranks.")
  @Default("0.05")
  @Min(0)
  private double margin = 0.05;

  @JsonPropertyDescription("Number of degraded descriptions per sample.")
  @Default("4")
  @Min(1)
  @Max(16)
  private int steps = 4;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public double getWeight() {
    return weight;
  }

  public void setWeight(double weight) {
    this.weight = weight;
  }

  public double getMargin() {
    return margin;
  }

  public void setMargin(double margin) {
    this.margin = margin;
  }

  public int getSteps() {
    return steps;
  }

  public void setSteps(int steps) {
    this.steps = steps;
  }
}
