package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of a training: the pod group and everything the trainer reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.runPolicy) || !has(self.runPolicy.gang) || !has(self.runPolicy.gang.minAvailable) || self.runPolicy.gang.minAvailable <= (has(self.replicas) ? self.replicas : 1)", message = "runPolicy.gang.minAvailable must not exceed replicas")
@ValidationRule(value = "!has(self.optimization) || !has(self.optimization.globalBatchSize) || self.optimization.globalBatchSize % ((has(self.replicas) ? self.replicas : 1) * (has(self.optimization.accumulationSteps) ? self.optimization.accumulationSteps : 1)) == 0", message = "optimization.globalBatchSize must be divisible by replicas x optimization.accumulationSteps")
public class VideoClipTrainingSpec {

  @JsonPropertyDescription("Trainer image.")
  @Default(DEFAULT_IMAGE)
  private String image = DEFAULT_IMAGE;

  @JsonPropertyDescription("Worker pods (data-parallel ranks).")
  @Default("1")
  @Min(1)
  @Max(1024)
  private int replicas = 1;

  @JsonPropertyDescription("Per-replica resources.")
  private ReplicaResources resources = new ReplicaResources();

  @JsonPropertyDescription("Model to train.")
  private ModelSpec model = new ModelSpec();

  @JsonPropertyDescription("Training and held-out data.")
  @Required
  private DataSpec data;

  @JsonPropertyDescription("Loss terms and weights.")
  private ObjectiveSpec objective = new ObjectiveSpec();

  @JsonPropertyDescription("Optimizer and schedule.")
  private OptimizationSpec optimization = new OptimizationSpec();

  @JsonPropertyDescription("Checkpoint store and cadence.")
  private CheckpointSpec checkpoint = new CheckpointSpec();

  @JsonPropertyDescription("Metrics export.")
  private TelemetrySpec telemetry = new TelemetrySpec();

  @JsonPropertyDescription("Restart, deadline, suspend, TTL and gang policy.")
  private RunPolicy runPolicy = new RunPolicy();

  @JsonPropertyDescription("Pod placement.")
  private SchedulingSpec scheduling = new SchedulingSpec();

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  public ReplicaResources getResources() {
    return resources;
  }

  public void setResources(ReplicaResources resources) {
    this.resources = resources;
  }

  public ModelSpec getModel() {
    return model;
  }

  public void setModel(ModelSpec model) {
    this.model = model;
  }

  public DataSpec getData() {
    return data;
  }

  public void setData(DataSpec data) {
    this.data = data;
  }

  public ObjectiveSpec getObjective() {
    return objective;
  }

  public void setObjective(ObjectiveSpec objective) {
    this.objective = objective;
  }

  public OptimizationSpec getOptimization() {
    return optimization;
  }

  public void setOptimization(OptimizationSpec optimization) {
    this.optimization = optimization;
  }

  public CheckpointSpec getCheckpoint() {
    return checkpoint;
  }

  public void setCheckpoint(CheckpointSpec checkpoint) {
    this.checkpoint = checkpoint;
  }

  public TelemetrySpec getTelemetry() {
    return telemetry;
  }

  public void setTelemetry(TelemetrySpec telemetry) {
    this.telemetry = telemetry;
  }

  public RunPolicy getRunPolicy() {
    return runPolicy;
  }

  public void setRunPolicy(RunPolicy runPolicy) {
    this.runPolicy = runPolicy;
  }

  public SchedulingSpec getScheduling() {
    return scheduling;
  }

  public void setScheduling(SchedulingSpec scheduling) {
    this.scheduling = scheduling;
  }

  /** The CPU trainer image of this release; GPU jobs name the CUDA variant explicitly. */
  public static final String DEFAULT_IMAGE = "ghcr.io/vclip/trainer:0.1.0-cpu";

}
