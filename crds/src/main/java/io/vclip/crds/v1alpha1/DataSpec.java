package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Where videos and captions come from: exactly one of a synthetic world or a shard location. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.synthetic) != has(self.shards)", message = "exactly one of data.synthetic and data.shards must be set")
public class DataSpec {

  @JsonPropertyDescription("Generate a synthetic data set.")
  private SyntheticData synthetic;

  @JsonPropertyDescription("Training shards: s3://bucket/prefix/ or a local folder.")
  private String shards;

  @JsonPropertyDescription("Held-out shards for evaluation (same forms as shards).")
  private String evalShards;

  @JsonPropertyDescription("Records each sample lane holds for shuffling. The global batch has one lane per sample, so a rank holds its local batch size times this.")
  @Default("64")
  @Min(1)
  private int shuffleBuffer = 64;

  @JsonPropertyDescription("Decode threads per rank.")
  @Default("2")
  @Min(1)
  @Max(64)
  private int loaderThreads = 2;

  public SyntheticData getSynthetic() {
    return synthetic;
  }

  public void setSynthetic(SyntheticData synthetic) {
    this.synthetic = synthetic;
  }

  public String getShards() {
    return shards;
  }

  public void setShards(String shards) {
    this.shards = shards;
  }

  public String getEvalShards() {
    return evalShards;
  }

  public void setEvalShards(String evalShards) {
    this.evalShards = evalShards;
  }

  public int getShuffleBuffer() {
    return shuffleBuffer;
  }

  public void setShuffleBuffer(int shuffleBuffer) {
    this.shuffleBuffer = shuffleBuffer;
  }

  public int getLoaderThreads() {
    return loaderThreads;
  }

  public void setLoaderThreads(int loaderThreads) {
    this.loaderThreads = loaderThreads;
  }
}
