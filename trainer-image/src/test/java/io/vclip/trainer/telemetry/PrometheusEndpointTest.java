package io.vclip.trainer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exact Prometheus names our endpoint exports, read over HTTP in the Prometheus text format. */
class PrometheusEndpointTest {

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String scrape(int port) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .header("Accept", "text/plain; version=0.0.4").build();
    HttpResponse<String> resp = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).isEqualTo(200);
    return resp.body();
  }

  /** Metric family names from the "# TYPE name type" lines. */
  static Map<String, String> families(String exposition) {
    return Arrays.stream(exposition.split("\n")).filter(l -> l.startsWith("# TYPE "))
        .map(l -> l.substring(7).split(" ")).collect(Collectors.toMap(p -> p[0], p -> p[1]));
  }

  @Test
  void exportedNamesAreTheContract() throws Exception {
    int port = freePort();
    try (Telemetry telemetry = Telemetry.start(new TelemetryConfig("vclip-test", "127.0.0.1", port, Map.of("vclip.rank", "0")), Map.of())) {
      TrainerMetrics m = telemetry.metrics();
      m.recordStep(3, TrainerMetricsTest.losses(3.25), 5e-5, TrainerMetricsTest.phases(), 99.0);
      m.nonFiniteLoss();
      m.checkpointWritten(2048, 1.5);
      m.s3Error("put");

      String body = scrape(port);
      Map<String, String> families = families(body);
      assertThat(families).containsEntry("vclip_train_loss", "gauge")
          .containsEntry("vclip_train_learning_rate", "gauge")
          .containsEntry("vclip_train_step_seconds", "histogram")
          .containsEntry("vclip_train_samples_per_second", "gauge")
          .containsEntry("vclip_train_step", "gauge")
          .containsEntry("vclip_train_nonfinite_loss_total", "counter")
          .containsEntry("vclip_checkpoint_bytes_total", "counter")
          .containsEntry("vclip_checkpoint_duration_seconds", "histogram")
          .containsEntry("vclip_s3_errors_total", "counter");
      Set<String> sampleNames = Arrays.stream(body.split("\n")).filter(l -> l.startsWith("vclip_"))
          .map(l -> l.split("[{ ]")[0]).collect(Collectors.toSet());
      assertThat(sampleNames).contains("vclip_train_loss", "vclip_train_step_seconds_bucket",
          "vclip_train_step_seconds_sum", "vclip_train_step_seconds_count", "vclip_checkpoint_bytes_total",
          "vclip_s3_errors_total", "vclip_train_nonfinite_loss_total", "vclip_checkpoint_duration_seconds_count");
      assertThat(body).containsPattern("vclip_train_loss\\{[^}]*part=\"total\"[^}]*} 3\\.25")
          .containsPattern("vclip_s3_errors_total\\{[^}]*operation=\"put\"[^}]*} 1(\\.0)?\\b")
          .containsPattern("vclip_checkpoint_bytes_total\\{[^}]*} 2048(\\.0)?\\b");
      assertThat(telemetry.prometheusPort()).isEqualTo(port);
    }
  }
}
