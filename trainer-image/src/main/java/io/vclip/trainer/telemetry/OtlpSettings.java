package io.vclip.trainer.telemetry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * OTLP push settings from the standard OpenTelemetry environment variables; absent when
 * {@value #ENV_ENDPOINT} is not set.
 *
 * @param endpoint base endpoint, e.g. {@code http://otel-collector:4318}
 * @param protocol {@code http/protobuf} (the specification's default) or {@code grpc}
 * @param interval export interval ({@value #ENV_INTERVAL} in milliseconds, default 60 s)
 */
public record OtlpSettings(URI endpoint, String protocol, Duration interval) {
  public static final String ENV_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  public static final String ENV_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
  public static final String ENV_INTERVAL = "OTEL_METRIC_EXPORT_INTERVAL";
  public static final String HTTP_PROTOBUF = "http/protobuf";
  public static final String GRPC = "grpc";

  public static Optional<OtlpSettings> fromEnv(Map<String, String> env) {
    String endpoint = env.get(ENV_ENDPOINT);
    if (endpoint == null || endpoint.isBlank()) return Optional.empty();
    URI uri;
    try {
      uri = URI.create(endpoint.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV_ENDPOINT + "='" + endpoint + "' is not a URL: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(ENV_ENDPOINT + "='" + endpoint + "' must be an http:// or https:// URL");
    }
    String protocol = env.getOrDefault(ENV_PROTOCOL, HTTP_PROTOBUF).trim();
    if (!protocol.equals(HTTP_PROTOBUF) && !protocol.equals(GRPC)) {
      throw new IllegalArgumentException(ENV_PROTOCOL + "='" + protocol + "' must be " + HTTP_PROTOBUF + " or " + GRPC);
    }
    Duration interval = Duration.ofSeconds(60);
    String ms = env.get(ENV_INTERVAL);
    if (ms != null && !ms.isBlank()) {
      try {
        interval = Duration.ofMillis(Long.parseLong(ms.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(ENV_INTERVAL + "='" + ms + "' must be milliseconds (an integer)", e);
      }
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(ENV_INTERVAL + "='" + ms + "' must be > 0");
      }
    }
    return Optional.of(new OtlpSettings(uri, protocol, interval));
  }

  /** Where metrics go: for http/protobuf the signal path {@code /v1/metrics} is added to the base endpoint. */
  public String metricsEndpoint() {
    String base = endpoint.toString();
    if (protocol.equals(GRPC)) return base;
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/metrics";
  }
}
