package io.vclip.trainer.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's OpenTelemetry SDK: a Prometheus endpoint unless its port is 0, and OTLP push when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (both can run at once). Code records through
 * {@link #metrics()} (or {@link #meter()}) and never sees which exporter is active.
 */
public final class Telemetry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

  private final SdkMeterProvider provider;
  private final TrainerMetrics metrics;
  private final int prometheusPort;

  private Telemetry(SdkMeterProvider provider, int prometheusPort) {
    this.provider = provider;
    this.metrics = new TrainerMetrics(meter());
    this.prometheusPort = prometheusPort;
  }

  /** Starts the SDK with the exporters {@code config} and the environment ask for. */
  public static Telemetry start(TelemetryConfig config, Map<String, String> env) {
    AttributesBuilder resource = Attributes.builder().put("service.name", config.serviceName());
    config.resourceAttributes().forEach(resource::put);
    SdkMeterProviderBuilder builder = SdkMeterProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(resource.build())));
    if (config.prometheusPort() > 0) {
      builder.registerMetricReader(PrometheusHttpServer.builder()
          .setHost(config.prometheusHost()).setPort(config.prometheusPort()).build());
      LOG.info("metrics: Prometheus endpoint on http://{}:{}/metrics", config.prometheusHost(), config.prometheusPort());
    }
    Optional<OtlpSettings> otlp = OtlpSettings.fromEnv(env);
    otlp.ifPresent(o -> {
      builder.registerMetricReader(PeriodicMetricReader.builder(exporter(o)).setInterval(o.interval()).build());
      LOG.info("metrics: OTLP push ({}) to {} every {} s", o.protocol(), o.metricsEndpoint(), o.interval().toSeconds());
    });
    return new Telemetry(builder.build(), config.prometheusPort());
  }

  /** Wraps an SDK built elsewhere (tests register an in-memory reader). */
  public static Telemetry of(SdkMeterProvider provider) {
    return new Telemetry(provider, 0);
  }

  private static MetricExporter exporter(OtlpSettings o) {
    if (o.protocol().equals(OtlpSettings.GRPC)) {
      return OtlpGrpcMetricExporter.builder().setEndpoint(o.metricsEndpoint()).build();
    }
    return OtlpHttpMetricExporter.builder().setEndpoint(o.metricsEndpoint()).build();
  }

  public Meter meter() {
    return provider.get(MetricNames.SCOPE);
  }

  public TrainerMetrics metrics() {
    return metrics;
  }

  /** The Prometheus endpoint's port, 0 when it is off. */
  public int prometheusPort() {
    return prometheusPort;
  }

  /** Pushes what is pending (OTLP) without stopping. */
  public void flush() {
    provider.forceFlush().join(10, TimeUnit.SECONDS);
  }

  /** Flushes and stops every exporter (the Prometheus endpoint closes). */
  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
