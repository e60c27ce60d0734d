package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Observed state of an evaluation and the summary of its results.json. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoClipEvalStatus {

  @JsonPropertyDescription("Generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Waiting, Running, Succeeded or Failed.")
  @PrinterColumn(name = "Phase")
  private EvalPhase phase;

  @JsonPropertyDescription("Created, Running, Succeeded, Failed with reason and message.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Checkpoint being evaluated.")
  @PrinterColumn(name = "Checkpoint")
  private String checkpointUri;

  @JsonPropertyDescription("The eval Job.")
  private String jobName;

  @JsonPropertyDescription("When the eval Job was created.")
  private String startTime;

  @JsonPropertyDescription("When the eval reached Succeeded or Failed.")
  private String completionTime;

  @JsonPropertyDescription("Summary of results.json: metric name to value (e.g. retrieval.t2v.r1).")
  private Map<String, Double> results;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public EvalPhase getPhase() {
    return phase;
  }

  public void setPhase(EvalPhase phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getCheckpointUri() {
    return checkpointUri;
  }

  public void setCheckpointUri(String checkpointUri) {
    this.checkpointUri = checkpointUri;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public Map<String, Double> getResults() {
    return results;
  }

  public void setResults(Map<String, Double> results) {
    this.results = results;
  }
}
