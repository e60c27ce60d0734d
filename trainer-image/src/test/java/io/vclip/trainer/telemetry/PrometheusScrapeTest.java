package io.vclip.trainer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server scrapes the trainer's endpoint while a small loop records losses; the loss
 * series is then read back through Prometheus's query API.
 */
class PrometheusScrapeTest {
  @TempDir Path tmp;

  @Test
  void prometheusScrapesTheLossSeries() throws Exception {
    int port = PrometheusEndpointTest.freePort();
    TelemetryConfig config = new TelemetryConfig("vclip-trainer", "127.0.0.1", port, Map.of("vclip.job", "scrape-test"));
    ObjectMapper json = new ObjectMapper();
    try (Telemetry telemetry = Telemetry.start(config, Map.of());
        PrometheusServer prometheus = PrometheusServer.start(tmp, "127.0.0.1:" + port)) {
      AtomicBoolean stop = new AtomicBoolean();
      List<Double> recorded = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread loop = new Thread(() -> {
        // A decreasing loss, one "step" every 100 ms, until Prometheus has seen enough of it.
        for (int step = 0; !stop.get(); step++) {
          double total = 4.0 / (1 + 0.05 * step);
          recorded.add(total);
          telemetry.metrics().recordStep(step, TrainerMetricsTest.losses(total), 1e-4, TrainerMetricsTest.phases(), 50);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      loop.start();
      JsonNode series = null;
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
          JsonNode answer = json.readTree(prometheus.query("vclip_train_loss{part=\"total\",job=\"vclip-trainer\"}[1m]"));
          assertThat(answer.path("status").asText()).isEqualTo("success");
          JsonNode result = answer.path("data").path("result");
          if (result.size() == 1 && result.get(0).path("values").size() >= 3) {
            series = result.get(0);
            break;
          }
          Thread.sleep(500);
        }
      } finally {
        stop.set(true);
        loop.join(5000);
      }
      assertThat(series).as("Prometheus never held 3 samples of vclip_train_loss{part=\"total\"}").isNotNull();
      assertThat(series.path("metric").path("__name__").asText()).isEqualTo("vclip_train_loss");
      List<Double> values = new ArrayList<>();
      series.path("values").forEach(v -> values.add(Double.parseDouble(v.get(1).asText())));
      assertThat(values).allSatisfy(v -> assertThat(recorded).contains(v));
      // The loop's loss only goes down, so the scraped series does too.
      for (int i = 1; i < values.size(); i++) assertThat(values.get(i)).isLessThanOrEqualTo(values.get(i - 1));
      assertThat(values.get(values.size() - 1)).isLessThan(4.0);

      JsonNode steps = json.readTree(prometheus.query("vclip_train_step_seconds_count{phase=\"forward\"}"));
      assertThat(steps.path("data").path("result").get(0).path("value").get(1).asDouble()).isGreaterThan(0);
    }
  }
}
