package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** VideoCLIP-XL text-prototype contrast with principal components (TPCM). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TpcmTerm {

  @JsonPropertyDescription("Whether the term is trained.")
  @Default("true")
  private boolean enabled = true;

  @JsonPropertyDescription("Weight of the term in the total loss.")
  @Default("1.0")
  @Min(0)
  private double weight = 1.0;

  @JsonPropertyDescription("adaptive: principal components chosen by explained variance; fixed: the first k.")
  @Default("adaptive")
  private TpcmMode mode = TpcmMode.ADAPTIVE;

  @JsonPropertyDescription("Number of principal components (upper bound in adaptive mode).")
  @Default("32")
  @Min(1)
  private int k = 32;

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

  public TpcmMode getMode() {
    return mode;
  }

  public void setMode(TpcmMode mode) {
    this.mode = mode;
  }

  public int getK() {
    return k;
  }

  public void setK(int k) {
    this.k = k;
  }
}
