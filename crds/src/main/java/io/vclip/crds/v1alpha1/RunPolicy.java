package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import java.util.ArrayList;
import java.util.List;

/** How the group is restarted, ended and cleaned up. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunPolicy {

  @JsonPropertyDescription("Group restarts after failures before the job is Failed (preemptions do not count).")
  @Default("3")
  @Min(0)
  private int backoffLimit = 3;

  @JsonPropertyDescription("Exit codes that restart the group; empty = any non-zero code except the fatal ones (2, 4).")
  private List<Integer> restartOnExitCodes = new ArrayList<>();

  @JsonPropertyDescription("Seconds from start (or resume) after which the job is Failed.")
  @Min(1)
  private Long activeDeadlineSeconds;

  @JsonPropertyDescription("Seconds after Succeeded/Failed after which the resource is deleted.")
  @Min(0)
  private Integer ttlSecondsAfterFinished;

  @JsonPropertyDescription("Suspended: pods are deleted; resuming starts a new run from the last checkpoint.")
  @Default("false")
  private boolean suspend = false;

  @JsonPropertyDescription("Pods deleted when the job finishes: None, Running (still running ones) or All.")
  @Default("Running")
  private CleanPodPolicy cleanPodPolicy = CleanPodPolicy.RUNNING;

  @JsonPropertyDescription("Gang scheduling of the pod group.")
  private GangPolicy gang = new GangPolicy();

  public int getBackoffLimit() {
    return backoffLimit;
  }

  public void setBackoffLimit(int backoffLimit) {
    this.backoffLimit = backoffLimit;
  }

  public List<Integer> getRestartOnExitCodes() {
    return restartOnExitCodes;
  }

  public void setRestartOnExitCodes(List<Integer> restartOnExitCodes) {
    this.restartOnExitCodes = restartOnExitCodes;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public Integer getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }

  public boolean isSuspend() {
    return suspend;
  }

  public void setSuspend(boolean suspend) {
    this.suspend = suspend;
  }

  public CleanPodPolicy getCleanPodPolicy() {
    return cleanPodPolicy;
  }

  public void setCleanPodPolicy(CleanPodPolicy cleanPodPolicy) {
    this.cleanPodPolicy = cleanPodPolicy;
  }

  public GangPolicy getGang() {
    return gang;
  }

  public void setGang(GangPolicy gang) {
    this.gang = gang;
  }
}
