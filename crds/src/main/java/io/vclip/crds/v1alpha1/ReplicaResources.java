package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** What one replica (one pod) gets; {@code gpus} also sets LOCAL_WORLD_SIZE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicaResources {

  @JsonPropertyDescription("NVIDIA GPUs per replica (nvidia.com/gpu limit); 0 trains on CPU.")
  @Default("0")
  @Min(0)
  @Max(16)
  private int gpus = 0;

  @JsonPropertyDescription("CPU request and limit per replica (Kubernetes quantity).")
  @Default("1")
  @Pattern("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")
  private String cpu = "1";

  @JsonPropertyDescription("Memory request and limit per replica (Kubernetes quantity).")
  @Default("4Gi")
  @Pattern("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")
  private String memory = "4Gi";

  public int getGpus() {
    return gpus;
  }

  public void setGpus(int gpus) {
    this.gpus = gpus;
  }

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }
}
