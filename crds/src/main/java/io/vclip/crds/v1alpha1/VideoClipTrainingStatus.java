package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a training, folded from its pods and what rank 0 reports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoClipTrainingStatus {

  @JsonPropertyDescription("Generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Created, Running, Restarting, Suspended, Succeeded or Failed.")
  @PrinterColumn(name = "Phase")
  private TrainingPhase phase;

  @JsonPropertyDescription("Created, Running, Restarting, Suspended, Succeeded, Failed, each with reason and message.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Run id of the current pod group (VCLIP_RUN_ID); changes on each group restart.")
  private String runId;

  @JsonPropertyDescription("Pod groups started so far (the first is 1).")
  private int attempt = 0;

  @JsonPropertyDescription("Worker pods of the current run that are running and ready.")
  private int readyReplicas = 0;

  @JsonPropertyDescription("Group restarts of any cause.")
  @PrinterColumn(name = "Restarts")
  private int restarts = 0;

  @JsonPropertyDescription("Group restarts that counted against runPolicy.backoffLimit.")
  private int failureRestarts = 0;

  @JsonPropertyDescription("When a Restarting group is started again (exponential back-off).")
  private String nextRestartTime;

  @JsonPropertyDescription("When the current run of the job started (reset on resume).")
  private String startTime;

  @JsonPropertyDescription("When the pods of the current run were created.")
  private String runStartTime;

  @JsonPropertyDescription("When the job reached Succeeded or Failed.")
  private String completionTime;

  @JsonPropertyDescription("currentStep/maxSteps, for kubectl get.")
  @PrinterColumn(name = "Step")
  private String progress;

  @JsonPropertyDescription("Latest step reported by rank 0.")
  private Long currentStep;

  @JsonPropertyDescription("spec.optimization.maxSteps.")
  private Long maxSteps;

  @JsonPropertyDescription("Latest total loss reported by rank 0.")
  @PrinterColumn(name = "Loss")
  private Double latestLoss;

  @JsonPropertyDescription("Latest throughput reported by rank 0, all ranks together.")
  private Double samplesPerSecond;

  @JsonPropertyDescription("Latest committed checkpoint reported by rank 0.")
  private CheckpointRef lastCheckpoint;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public TrainingPhase getPhase() {
    return phase;
  }

  public void setPhase(TrainingPhase phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public int getAttempt() {
    return attempt;
  }

  public void setAttempt(int attempt) {
    this.attempt = attempt;
  }

  public int getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(int readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public int getRestarts() {
    return restarts;
  }

  public void setRestarts(int restarts) {
    this.restarts = restarts;
  }

  public int getFailureRestarts() {
    return failureRestarts;
  }

  public void setFailureRestarts(int failureRestarts) {
    this.failureRestarts = failureRestarts;
  }

  public String getNextRestartTime() {
    return nextRestartTime;
  }

  public void setNextRestartTime(String nextRestartTime) {
    this.nextRestartTime = nextRestartTime;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getRunStartTime() {
    return runStartTime;
  }

  public void setRunStartTime(String runStartTime) {
    this.runStartTime = runStartTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String progress) {
    this.progress = progress;
  }

  public Long getCurrentStep() {
    return currentStep;
  }

  public void setCurrentStep(Long currentStep) {
    this.currentStep = currentStep;
  }

  public Long getMaxSteps() {
    return maxSteps;
  }

  public void setMaxSteps(Long maxSteps) {
    this.maxSteps = maxSteps;
  }

  public Double getLatestLoss() {
    return latestLoss;
  }

  public void setLatestLoss(Double latestLoss) {
    this.latestLoss = latestLoss;
  }

  public Double getSamplesPerSecond() {
    return samplesPerSecond;
  }

  public void setSamplesPerSecond(Double samplesPerSecond) {
    this.samplesPerSecond = samplesPerSecond;
  }

  public CheckpointRef getLastCheckpoint() {
    return lastCheckpoint;
  }

  public void setLastCheckpoint(CheckpointRef lastCheckpoint) {
    this.lastCheckpoint = lastCheckpoint;
  }
}
