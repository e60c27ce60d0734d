package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Desired state of an evaluation: one Job running vclip eval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.checkpoint) != has(self.fromTraining)", message = "exactly one of checkpoint and fromTraining must be set")
public class VideoClipEvalSpec {

  @JsonPropertyDescription("Trainer image.")
  @Default(VideoClipTrainingSpec.DEFAULT_IMAGE)
  private String image = VideoClipTrainingSpec.DEFAULT_IMAGE;

  @JsonPropertyDescription("Explicit checkpoint to evaluate.")
  private CheckpointSource checkpoint;

  @JsonPropertyDescription("Training whose latest committed checkpoint is evaluated.")
  private TrainingRef fromTraining;

  @JsonPropertyDescription("Evaluation data.")
  @Required
  private DataSpec data;

  @JsonPropertyDescription("Benchmarks to run: retrieval, lvdr, ddr, hdr.")
  private List<Benchmark> benchmarks = new ArrayList<>(List.of(Benchmark.values()));

  @JsonPropertyDescription("LVDR settings.")
  private LvdrSpec lvdr = new LvdrSpec();

  @JsonPropertyDescription("Store of the checkpoint and the results; required on a cluster.")
  private ObjectStore store;

  @JsonPropertyDescription("Resources of the eval pod.")
  private ReplicaResources resources = new ReplicaResources();

  @JsonPropertyDescription("Placement of the eval pod.")
  private SchedulingSpec scheduling = new SchedulingSpec();

  @JsonPropertyDescription("Retries of the eval Job.")
  @Default("1")
  @Min(0)
  private int backoffLimit = 1;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public CheckpointSource getCheckpoint() {
    return checkpoint;
  }

  public void setCheckpoint(CheckpointSource checkpoint) {
    this.checkpoint = checkpoint;
  }

  public TrainingRef getFromTraining() {
    return fromTraining;
  }

  public void setFromTraining(TrainingRef fromTraining) {
    this.fromTraining = fromTraining;
  }

  public DataSpec getData() {
    return data;
  }

  public void setData(DataSpec data) {
    this.data = data;
  }

  public List<Benchmark> getBenchmarks() {
    return benchmarks;
  }

  public void setBenchmarks(List<Benchmark> benchmarks) {
    this.benchmarks = benchmarks;
  }

  public LvdrSpec getLvdr() {
    return lvdr;
  }

  public void setLvdr(LvdrSpec lvdr) {
    this.lvdr = lvdr;
  }

  public ObjectStore getStore() {
    return store;
  }

  public void setStore(ObjectStore store) {
    this.store = store;
  }

  public ReplicaResources getResources() {
    return resources;
  }

  public void setResources(ReplicaResources resources) {
    this.resources = resources;
  }

  public SchedulingSpec getScheduling() {
    return scheduling;
  }

  public void setScheduling(SchedulingSpec scheduling) {
    this.scheduling = scheduling;
  }

  public int getBackoffLimit() {
    return backoffLimit;
  }

  public void setBackoffLimit(int backoffLimit) {
    this.backoffLimit = backoffLimit;
  }
}
