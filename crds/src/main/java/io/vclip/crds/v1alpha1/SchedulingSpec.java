package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Placement of the worker pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SchedulingSpec {

  @JsonPropertyDescription("Node labels the pods require.")
  private Map<String, String> nodeSelector = new LinkedHashMap<>();

  @JsonPropertyDescription("Taints the pods tolerate.")
  private List<Toleration> tolerations = new ArrayList<>();

  @JsonPropertyDescription("Node and pod (anti-)affinity.")
  private Affinity affinity;

  @JsonPropertyDescription("PriorityClass of the pods.")
  @Default("")
  private String priorityClassName = "";

  @JsonPropertyDescription("ServiceAccount of the pods; the trainer needs no API access.")
  @Default("")
  private String serviceAccountName = "";

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public Affinity getAffinity() {
    return affinity;
  }

  public void setAffinity(Affinity affinity) {
    this.affinity = affinity;
  }

  public String getPriorityClassName() {
    return priorityClassName;
  }

  public void setPriorityClassName(String priorityClassName) {
    this.priorityClassName = priorityClassName;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }
}
