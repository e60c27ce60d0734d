package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import java.util.ArrayList;
import java.util.List;

/** Long video-description ranking: p degradation steps, scored at each q. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LvdrSpec {

  @JsonPropertyDescription("Degraded descriptions per video.")
  @Default("4")
  @Min(1)
  private int p = 4;

  @JsonPropertyDescription("Degradation levels scored.")
  private List<Integer> q = new ArrayList<>(List.of(1, 2, 3, 4, 5));

  public int getP() {
    return p;
  }

  public void setP(int p) {
    this.p = p;
  }

  public List<Integer> getQ() {
    return q;
  }

  public void setQ(List<Integer> q) {
    this.q = q;
  }
}
