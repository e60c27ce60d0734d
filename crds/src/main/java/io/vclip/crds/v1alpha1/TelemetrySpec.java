package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Where the trainer's OpenTelemetry metrics go. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TelemetrySpec {

  @JsonPropertyDescription("Port of the Prometheus scrape endpoint; 0 disables it.")
  @Default("9464")
  @Min(0)
  @Max(65535)
  private int prometheusPort = 9464;

  @JsonPropertyDescription("OTLP endpoint to push to; empty disables the push.")
  @Default("")
  private String otlpEndpoint = "";

  public int getPrometheusPort() {
    return prometheusPort;
  }

  public void setPrometheusPort(int prometheusPort) {
    this.prometheusPort = prometheusPort;
  }

  public String getOtlpEndpoint() {
    return otlpEndpoint;
  }

  public void setOtlpEndpoint(String otlpEndpoint) {
    this.otlpEndpoint = otlpEndpoint;
  }
}
