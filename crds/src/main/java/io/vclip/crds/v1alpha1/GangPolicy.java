package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** All-or-nothing scheduling of the pod group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GangPolicy {

  @JsonPropertyDescription("coscheduling (scheduler-plugins PodGroup), volcano (Volcano PodGroup) or none.")
  @Default("none")
  private GangProvider provider = GangProvider.NONE;

  @JsonPropertyDescription("Scheduler of the worker pods; defaults to the provider's usual one (scheduler-plugins-scheduler, volcano) or the cluster default.")
  private String schedulerName;

  @JsonPropertyDescription("Pods that must be placed together; defaults to replicas.")
  @Min(1)
  private Integer minAvailable;

  @JsonPropertyDescription("Kueue LocalQueue (kueue.x-k8s.io/queue-name label) or Volcano queue.")
  @Default("")
  private String queueName = "";

  public GangProvider getProvider() {
    return provider;
  }

  public void setProvider(GangProvider provider) {
    this.provider = provider;
  }

  public String getSchedulerName() {
    return schedulerName;
  }

  public void setSchedulerName(String schedulerName) {
    this.schedulerName = schedulerName;
  }

  public Integer getMinAvailable() {
    return minAvailable;
  }

  public void setMinAvailable(Integer minAvailable) {
    this.minAvailable = minAvailable;
  }

  public String getQueueName() {
    return queueName;
  }

  public void setQueueName(String queueName) {
    this.queueName = queueName;
  }
}
