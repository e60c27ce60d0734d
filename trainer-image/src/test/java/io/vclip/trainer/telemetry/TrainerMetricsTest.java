package io.vclip.trainer.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the trainer records, read back through the SDK's in-memory reader. */
class TrainerMetricsTest {
  InMemoryMetricReader reader;
  Telemetry telemetry;

  @BeforeEach
  void setUp() {
    reader = InMemoryMetricReader.create();
    telemetry = Telemetry.of(SdkMeterProvider.builder().registerMetricReader(reader).build());
  }

  @AfterEach
  void tearDown() {
    telemetry.close();
  }

  Map<String, MetricData> collect() {
    Collection<MetricData> all = reader.collectAllMetrics();
    return all.stream().collect(Collectors.toMap(MetricData::getName, m -> m));
  }

  static Map<LossPart, Double> losses(double total) {
    Map<LossPart, Double> m = new EnumMap<>(LossPart.class);
    m.put(LossPart.CONTRASTIVE, 2.0);
    m.put(LossPart.TPCM, 1.5);
    m.put(LossPart.DDR, 0.25);
    m.put(LossPart.HDR, 0.125);
    m.put(LossPart.TOTAL, total);
    return m;
  }

  static Map<StepPhase, Double> phases() {
    Map<StepPhase, Double> m = new EnumMap<>(StepPhase.class);
    for (StepPhase p : StepPhase.values()) m.put(p, 0.01 * (p.ordinal() + 1));
    return m;
  }

  @Test
  void stepMetricsCarryTheContractNamesAndAttributes() {
    TrainerMetrics metrics = telemetry.metrics();
    metrics.recordStep(7, losses(3.875), 1e-4, phases(), 321.5);
    metrics.recordStep(8, losses(3.5), 2e-4, phases(), 330.0);

    Map<String, MetricData> data = collect();
    assertThat(data).containsKeys(MetricNames.TRAIN_LOSS, MetricNames.TRAIN_LEARNING_RATE,
        MetricNames.TRAIN_STEP_SECONDS, MetricNames.TRAIN_SAMPLES_PER_SECOND, MetricNames.TRAIN_STEP);
    assertThat(data.get(MetricNames.TRAIN_LOSS).getDoubleGaugeData().getPoints())
        .extracting(p -> p.getAttributes().get(MetricNames.PART) + "=" + p.getValue())
        .containsExactlyInAnyOrder("contrastive=2.0", "tpcm=1.5", "ddr=0.25", "hdr=0.125", "total=3.5");
    assertThat(data.get(MetricNames.TRAIN_LEARNING_RATE).getDoubleGaugeData().getPoints())
        .singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(2e-4));
    assertThat(data.get(MetricNames.TRAIN_STEP).getLongGaugeData().getPoints())
        .singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(8));
    MetricData steps = data.get(MetricNames.TRAIN_STEP_SECONDS);
    assertThat(steps.getUnit()).isEqualTo("s");
    assertThat(steps.getHistogramData().getPoints())
        .extracting(p -> p.getAttributes().get(MetricNames.PHASE) + ":" + p.getCount())
        .containsExactlyInAnyOrder("data_wait:2", "forward:2", "backward:2", "collectives:2", "optimizer:2");
    assertThat(steps.getHistogramData().getPoints()).filteredOn(p -> "optimizer".equals(p.getAttributes().get(MetricNames.PHASE)))
        .singleElement().satisfies(p -> assertThat(p.getSum()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12)));
  }

  @Test
  void countersAndCheckpointMetrics() {
    TrainerMetrics metrics = telemetry.metrics();
    metrics.checkpointWritten(1000, 2.0);
    metrics.checkpointWritten(500, 3.0);
    metrics.s3Error("put");
    metrics.s3Error("put");
    metrics.s3Error("list");

    Map<String, MetricData> data = collect();
    assertThat(data.get(MetricNames.CHECKPOINT_BYTES).getUnit()).isEqualTo("By");
    assertThat(data.get(MetricNames.CHECKPOINT_BYTES).getLongSumData().getPoints())
        .singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(1500));
    assertThat(data.get(MetricNames.CHECKPOINT_BYTES).getLongSumData().isMonotonic()).isTrue();
    assertThat(data.get(MetricNames.CHECKPOINT_DURATION_SECONDS).getHistogramData().getPoints())
        .singleElement().satisfies(p -> assertThat(p.getSum()).isEqualTo(5.0));
    assertThat(data.get(MetricNames.S3_ERRORS).getLongSumData().getPoints())
        .extracting(p -> p.getAttributes().get(MetricNames.OPERATION) + "=" + p.getValue())
        .containsExactlyInAnyOrder("put=2", "list=1");
  }

  @Test
  void nonFiniteLossesAreSkippedCountedAndFailTheRunWhenTheyPersist() {
    NonFiniteLossGuard guard = new NonFiniteLossGuard(3, telemetry.metrics());
    assertThat(guard.accept(1, 2.0)).isTrue();
    assertThat(guard.accept(2, Double.NaN)).isFalse();
    assertThat(guard.accept(3, Double.POSITIVE_INFINITY)).isFalse();
    assertThat(guard.accept(4, 1.9)).isTrue(); // a finite loss resets the streak
    assertThat(guard.accept(5, Double.NaN)).isFalse();
    assertThat(guard.accept(6, Double.NaN)).isFalse();
    assertThatThrownBy(() -> guard.accept(7, Double.NEGATIVE_INFINITY))
        .isInstanceOfSatisfying(NonFiniteLossException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessageContaining("step 7").hasMessageContaining("3 steps in a row");

    assertThat(collect().get(MetricNames.TRAIN_NONFINITE_LOSS).getLongSumData().getPoints())
        .singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(5));
  }

  @Test
  void nonFiniteLossPartsNeverReachTheLossGauge() {
    Map<LossPart, Double> l = losses(Double.NaN);
    telemetry.metrics().recordStep(1, l, 1e-4, Map.of(), 10);
    assertThat(collect().get(MetricNames.TRAIN_LOSS).getDoubleGaugeData().getPoints())
        .noneMatch(p -> p.getAttributes().equals(Attributes.of(MetricNames.PART, "total")));
  }

  @Test
  void lossPartsByName() {
    assertThat(LossPart.fromName("TPCM")).isEqualTo(LossPart.TPCM);
    assertThatThrownBy(() -> LossPart.fromName("kl")).hasMessageContaining("'kl'").hasMessageContaining("contrastive");
  }
}
