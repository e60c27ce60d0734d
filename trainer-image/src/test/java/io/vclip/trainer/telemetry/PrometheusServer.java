package io.vclip.trainer.telemetry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (the Debian {@code prometheus} binary) on loopback that scrapes one target
 * every second; the test's process, started and killed here with bounded waits.
 */
final class PrometheusServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static PrometheusServer start(Path dir, String target) throws Exception {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: vclip-trainer
            scrape_interval: 1s
            scrape_timeout: 1s
            static_configs:
              - targets: ['%s']
        """.formatted(target));
    int port = PrometheusEndpointTest.freePort();
    Path log = dir.resolve("prometheus.log");
    Process p;
    try {
      p = new ProcessBuilder("prometheus",
          "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port,
          "--log.level=warn")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the 'prometheus' binary (Debian package prometheus; "
          + "./run-tests installs it): " + e.getMessage(), e);
    }
    PrometheusServer server = new PrometheusServer(p, port, log);
    try {
      server.awaitReady(Duration.ofSeconds(30));
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("prometheus exited: " + Files.readString(log));
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/-/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("prometheus not ready after " + timeout + ": " + Files.readString(log));
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The JSON answer of {@code /api/v1/query} for a PromQL expression. */
  String query(String promql) throws Exception {
    URI uri = URI.create(base() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("query " + promql + " → " + r.statusCode() + ": " + r.body());
    return r.body();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
