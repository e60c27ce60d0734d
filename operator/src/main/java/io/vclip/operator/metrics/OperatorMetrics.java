package io.vclip.operator.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every metric of the operator, named under {@code vclip.operator.*} (Prometheus: vclip_operator_*). */
public final class OperatorMetrics {

  public static final String RECONCILES = "vclip.operator.reconciles";
  public static final String RECONCILE_ERRORS = "vclip.operator.reconcile.errors";
  public static final String RECONCILE_DURATION = "vclip.operator.reconcile.duration";
  public static final String GROUP_RESTARTS = "vclip.operator.group.restarts";
  public static final String TIME_TO_ALL_RUNNING = "vclip.operator.time_to_all_pods_running";
  public static final String JOBS = "vclip.operator.jobs";

  private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
  private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
  private static final AttributeKey<String> PHASE = AttributeKey.stringKey("phase");

  private final LongCounter reconciles;
  private final LongCounter errors;
  private final DoubleHistogram duration;
  private final LongCounter restarts;
  private final DoubleHistogram timeToRunning;
  private final Map<String, Supplier<Stream<String>>> phasesByKind = new ConcurrentHashMap<>();

  public OperatorMetrics(Meter meter) {
    reconciles = meter.counterBuilder(RECONCILES).setDescription("Reconciles by resource kind").build();
    errors = meter.counterBuilder(RECONCILE_ERRORS).setDescription("Reconciles that threw, by resource kind").build();
    duration = meter.histogramBuilder(RECONCILE_DURATION).setUnit("s").setDescription("Reconcile latency").build();
    restarts = meter.counterBuilder(GROUP_RESTARTS).setDescription("Pod-group restarts by reason").build();
    timeToRunning = meter.histogramBuilder(TIME_TO_ALL_RUNNING).setUnit("s")
        .setDescription("From creating a run's pods until all of them run").build();
    meter.gaugeBuilder(JOBS).ofLongs().setDescription("Resources by kind and phase").buildWithCallback(gauge ->
        phasesByKind.forEach((kind, phases) -> phases.get()
            .collect(Collectors.groupingBy(phase -> phase, Collectors.counting()))
            .forEach((phase, count) -> gauge.record(count, Attributes.of(KIND, kind, PHASE, phase)))));
  }

  /** The gauge reads phases from the caller's view (the informer cache) when it is scraped. */
  public void observePhases(String kind, Supplier<Stream<String>> phases) {
    phasesByKind.put(kind, phases);
  }

  public void reconciled(String kind, double seconds) {
    reconciles.add(1, Attributes.of(KIND, kind));
    duration.record(seconds, Attributes.of(KIND, kind));
  }

  public void reconcileFailed(String kind) {
    errors.add(1, Attributes.of(KIND, kind));
  }

  public void groupRestarted(String reason) {
    restarts.add(1, Attributes.of(REASON, reason));
  }

  public void allPodsRunningAfter(double seconds) {
    timeToRunning.record(seconds);
  }
}
