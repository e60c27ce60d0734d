package io.vclip.operator.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenTelemetry SDK of the operator: a Prometheus endpoint on {@code vclip.operator.metrics.port}
 * (0 disables it), the same export the trainer uses, so one ServiceMonitor shape scrapes both.
 */
@ApplicationScoped
public class MetricsExport {

  private SdkMeterProvider meterProvider;

  @Produces
  @Singleton
  OpenTelemetry openTelemetry(@ConfigProperty(name = "vclip.operator.metrics.port", defaultValue = "9464") int port,
      @ConfigProperty(name = "vclip.operator.metrics.host", defaultValue = "0.0.0.0") String host) {
    var builder = SdkMeterProvider.builder();
    if (port > 0) {
      builder.registerMetricReader(PrometheusHttpServer.builder().setHost(host).setPort(port).build());
    }
    meterProvider = builder.build();
    return OpenTelemetrySdk.builder().setMeterProvider(meterProvider).build();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (meterProvider != null) {
      meterProvider.close();
    }
  }
}
