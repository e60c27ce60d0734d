package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** Sharded checkpoints with a manifest written last as the commit point. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckpointSpec {

  @JsonPropertyDescription("Where checkpoints go; required on a cluster.")
  private ObjectStore store;

  @JsonPropertyDescription("Steps between checkpoints.")
  @Default("50")
  @Min(1)
  private long intervalSteps = 50;

  @JsonPropertyDescription("Committed checkpoints kept; older ones are deleted.")
  @Default("3")
  @Min(1)
  private int keepLast = 3;

  public ObjectStore getStore() {
    return store;
  }

  public void setStore(ObjectStore store) {
    this.store = store;
  }

  public long getIntervalSteps() {
    return intervalSteps;
  }

  public void setIntervalSteps(long intervalSteps) {
    this.intervalSteps = intervalSteps;
  }

  public int getKeepLast() {
    return keepLast;
  }

  public void setKeepLast(int keepLast) {
    this.keepLast = keepLast;
  }
}
