package io.vclip.trainer.telemetry;

import java.util.Map;

/**
 * How the trainer exports metrics.
 *
 * @param serviceName OpenTelemetry {@code service.name}
 * @param prometheusHost interface the Prometheus endpoint listens on ("0.0.0.0" in a pod)
 * @param prometheusPort port of the Prometheus endpoint ({@code /metrics}); 0 turns it off
 * @param resourceAttributes extra resource attributes (job name, rank) on every exported metric
 */
public record TelemetryConfig(String serviceName, String prometheusHost, int prometheusPort,
    Map<String, String> resourceAttributes) {
  public static final int DEFAULT_PROMETHEUS_PORT = 9464;

  public TelemetryConfig {
    if (prometheusPort < 0 || prometheusPort > 65535) {
      throw new IllegalArgumentException("prometheus port must be 0 (off) or 1..65535, got " + prometheusPort);
    }
    resourceAttributes = Map.copyOf(resourceAttributes);
  }

  /** The trainer's defaults: Prometheus on all interfaces at {@value #DEFAULT_PROMETHEUS_PORT}. */
  public static TelemetryConfig trainer(Map<String, String> resourceAttributes) {
    return new TelemetryConfig("vclip-trainer", "0.0.0.0", DEFAULT_PROMETHEUS_PORT, resourceAttributes);
  }

  public TelemetryConfig withPrometheus(String host, int port) {
    return new TelemetryConfig(serviceName, host, port, resourceAttributes);
  }
}
