package io.vclip.trainer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * With {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, metrics are pushed as OTLP/HTTP protobuf. The receiver
 * is a plain HTTP server standing where a collector would (none is obtainable here); it checks the
 * request the exporter really sends.
 */
class OtlpPushTest {
  record Received(String path, String contentType, byte[] body) {}

  @Test
  void pushesMetricsToTheCollectorEndpoint() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/", exchange -> {
      received.add(new Received(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, 0);
      exchange.close();
    });
    collector.start();
    try {
      Map<String, String> env = Map.of(OtlpSettings.ENV_ENDPOINT, "http://127.0.0.1:" + collector.getAddress().getPort());
      try (Telemetry telemetry = Telemetry.start(TelemetryConfig.trainer(Map.of("vclip.job", "otlp-test")).withPrometheus("127.0.0.1", 0), env)) {
        telemetry.metrics().recordStep(1, TrainerMetricsTest.losses(2.0), 1e-3, Map.of(), 10);
        telemetry.metrics().s3Error("put");
        telemetry.flush();
      }
    } finally {
      collector.stop(0);
    }
    assertThat(received).isNotEmpty();
    Received first = received.get(0);
    assertThat(first.path()).isEqualTo("/v1/metrics");
    assertThat(first.contentType()).isEqualTo("application/x-protobuf");
    // Protobuf keeps strings as UTF-8: the metric and resource names are visible in the payload.
    String payload = new String(first.body(), StandardCharsets.ISO_8859_1);
    assertThat(payload).contains(MetricNames.TRAIN_LOSS, MetricNames.S3_ERRORS, "otlp-test", "vclip-trainer");
  }

  @Test
  void badSettingsNameTheVariable() {
    assertThat(OtlpSettings.fromEnv(Map.of())).isEmpty();
    assertThatThrownBy(() -> OtlpSettings.fromEnv(Map.of(OtlpSettings.ENV_ENDPOINT, "collector:4318")))
        .hasMessageContaining(OtlpSettings.ENV_ENDPOINT);
    assertThatThrownBy(() -> OtlpSettings.fromEnv(Map.of(OtlpSettings.ENV_ENDPOINT, "http://c:4318",
        OtlpSettings.ENV_PROTOCOL, "thrift"))).hasMessageContaining(OtlpSettings.ENV_PROTOCOL);
    assertThat(OtlpSettings.fromEnv(Map.of(OtlpSettings.ENV_ENDPOINT, "http://c:4317", OtlpSettings.ENV_PROTOCOL, "grpc",
        OtlpSettings.ENV_INTERVAL, "5000")).orElseThrow())
        .satisfies(o -> assertThat(o.metricsEndpoint()).isEqualTo("http://c:4317"))
        .satisfies(o -> assertThat(o.interval().toMillis()).isEqualTo(5000));
  }
}
