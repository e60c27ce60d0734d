package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The procedural video world: known ground truth, so learning can be measured honestly. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyntheticData {

  @JsonPropertyDescription("Training videos to generate.")
  @Default("2000")
  @Min(1)
  private int videos = 2000;

  @JsonPropertyDescription("Held-out videos for evaluation.")
  @Default("200")
  @Min(0)
  private int heldOutVideos = 200;

  @JsonPropertyDescription("Frame width and height in pixels.")
  @Default("32")
  @Min(8)
  @Max(1024)
  private int frameSize = 32;

  @JsonPropertyDescription("Seed of the generator.")
  @Default("7")
  private long seed = 7;

  public int getVideos() {
    return videos;
  }

  public void setVideos(int videos) {
    this.videos = videos;
  }

  public int getHeldOutVideos() {
    return heldOutVideos;
  }

  public void setHeldOutVideos(int heldOutVideos) {
    this.heldOutVideos = heldOutVideos;
  }

  public int getFrameSize() {
    return frameSize;
  }

  public void setFrameSize(int frameSize) {
    this.frameSize = frameSize;
  }

  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }
}
