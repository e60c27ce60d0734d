package io.vclip.trainer.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.Meter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The trainer's typed way to record metrics: the training loop and the checkpoint writer call these
 * methods and never touch instrument names. Thread-safe (OpenTelemetry instruments are).
 */
public final class TrainerMetrics {
  // Step phases range from sub-millisecond (optimizer on a tiny model) to minutes (data wait on a cold bucket).
  private static final List<Double> STEP_BUCKETS = List.of(
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0);
  // Checkpoint uploads: seconds for small models up to tens of minutes for large ones on a slow store.
  private static final List<Double> CHECKPOINT_BUCKETS = List.of(
      0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0);

  private final DoubleGauge loss;
  private final DoubleGauge learningRate;
  private final DoubleHistogram stepSeconds;
  private final DoubleGauge samplesPerSecond;
  private final LongGauge step;
  private final LongCounter nonFiniteLoss;
  private final LongCounter checkpointBytes;
  private final DoubleHistogram checkpointSeconds;
  private final LongCounter s3Errors;
  private final Map<LossPart, Attributes> partAttributes = new EnumMap<>(LossPart.class);
  private final Map<StepPhase, Attributes> phaseAttributes = new EnumMap<>(StepPhase.class);

  public TrainerMetrics(Meter meter) {
    loss = meter.gaugeBuilder(MetricNames.TRAIN_LOSS)
        .setDescription("Loss of the last step, by objective part").build();
    learningRate = meter.gaugeBuilder(MetricNames.TRAIN_LEARNING_RATE)
        .setDescription("Learning rate of the last step (base parameter group)").build();
    stepSeconds = meter.histogramBuilder(MetricNames.TRAIN_STEP_SECONDS).setUnit(MetricNames.UNIT_SECONDS)
        .setDescription("Time per training step, by phase").setExplicitBucketBoundariesAdvice(STEP_BUCKETS).build();
    samplesPerSecond = meter.gaugeBuilder(MetricNames.TRAIN_SAMPLES_PER_SECOND)
        .setDescription("Training throughput of the whole job, samples per second").build();
    step = meter.gaugeBuilder(MetricNames.TRAIN_STEP).ofLongs()
        .setDescription("Last finished optimizer step").build();
    nonFiniteLoss = meter.counterBuilder(MetricNames.TRAIN_NONFINITE_LOSS)
        .setDescription("Steps skipped because the loss was NaN or infinite").build();
    checkpointBytes = meter.counterBuilder(MetricNames.CHECKPOINT_BYTES).setUnit(MetricNames.UNIT_BYTES)
        .setDescription("Bytes of checkpoint shards this rank uploaded").build();
    checkpointSeconds = meter.histogramBuilder(MetricNames.CHECKPOINT_DURATION_SECONDS)
        .setUnit(MetricNames.UNIT_SECONDS).setExplicitBucketBoundariesAdvice(CHECKPOINT_BUCKETS)
        .setDescription("Time from a checkpoint request to its commit (snapshot + upload)").build();
    s3Errors = meter.counterBuilder(MetricNames.S3_ERRORS)
        .setDescription("Failed S3 requests, each failed attempt counted").build();
    for (LossPart p : LossPart.values()) partAttributes.put(p, Attributes.of(MetricNames.PART, p.attributeValue()));
    for (StepPhase p : StepPhase.values()) phaseAttributes.put(p, Attributes.of(MetricNames.PHASE, p.attributeValue()));
  }

  /**
   * Records a finished step. Non-finite loss parts are left out (the {@link NonFiniteLossGuard} counts
   * them), so a NaN never lands in a dashboard's loss curve.
   */
  public void recordStep(long stepNumber, Map<LossPart, Double> losses, double lr,
      Map<StepPhase, Double> phaseSeconds, double samplesPerSec) {
    losses.forEach((part, value) -> {
      if (value != null && Double.isFinite(value)) loss.set(value, partAttributes.get(part));
    });
    learningRate.set(lr);
    phaseSeconds.forEach((phase, seconds) -> {
      if (seconds != null && seconds >= 0) stepSeconds.record(seconds, phaseAttributes.get(phase));
    });
    if (Double.isFinite(samplesPerSec)) samplesPerSecond.set(samplesPerSec);
    step.set(stepNumber);
  }

  /** A checkpoint shard of {@code bytes} was committed {@code seconds} after it was requested. */
  public void checkpointWritten(long bytes, double seconds) {
    checkpointBytes.add(bytes);
    checkpointSeconds.record(seconds);
  }

  /** An S3 request failed (it may be retried). */
  public void s3Error(String operation) {
    s3Errors.add(1, Attributes.of(MetricNames.OPERATION, operation));
  }

  /** A step was skipped because its loss was NaN or infinite. */
  public void nonFiniteLoss() {
    nonFiniteLoss.add(1);
  }
}
