package io.vclip.trainer.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Every metric of the trainer: the contract with dashboards, alert rules and the operator. Names are
 * OpenTelemetry names; the Prometheus exporter turns them into Prometheus names by replacing '.' with
 * '_', appending the unit ("s" → {@code _seconds}, "By" → {@code _bytes}) unless the name already ends
 * with it, and {@code _total} on counters. The names here are chosen so that this mapping gives the
 * Prometheus names in the comments, which are what the Grafana dashboard and alert rules use.
 */
public final class MetricNames {
  private MetricNames() {}

  /** Instrumentation scope of the trainer's meter. */
  public static final String SCOPE = "io.vclip.trainer";

  /** Gauge, attribute {@link #PART}; Prometheus {@code vclip_train_loss}. */
  public static final String TRAIN_LOSS = "vclip.train.loss";
  /** Gauge; Prometheus {@code vclip_train_learning_rate}. */
  public static final String TRAIN_LEARNING_RATE = "vclip.train.learning_rate";
  /** Histogram in seconds, attribute {@link #PHASE}; Prometheus {@code vclip_train_step_seconds_{bucket,sum,count}}. */
  public static final String TRAIN_STEP_SECONDS = "vclip.train.step_seconds";
  /** Gauge; Prometheus {@code vclip_train_samples_per_second}. */
  public static final String TRAIN_SAMPLES_PER_SECOND = "vclip.train.samples_per_second";
  /** Gauge, the last finished optimizer step; Prometheus {@code vclip_train_step}. */
  public static final String TRAIN_STEP = "vclip.train.step";
  /** Counter of steps skipped for a NaN/Inf loss; Prometheus {@code vclip_train_nonfinite_loss_total}. */
  public static final String TRAIN_NONFINITE_LOSS = "vclip.train.nonfinite_loss";
  /** Counter of bytes this rank uploaded to checkpoints; Prometheus {@code vclip_checkpoint_bytes_total}. */
  public static final String CHECKPOINT_BYTES = "vclip.checkpoint.bytes";
  /** Histogram of the time from a checkpoint request to its commit; Prometheus {@code vclip_checkpoint_duration_seconds}. */
  public static final String CHECKPOINT_DURATION_SECONDS = "vclip.checkpoint.duration_seconds";
  /** Counter of failed S3 requests (each retry counts), attribute {@link #OPERATION}; Prometheus {@code vclip_s3_errors_total}. */
  public static final String S3_ERRORS = "vclip.s3.errors";

  /** Which loss: contrastive, tpcm, ddr, hdr, total (see {@link LossPart}). */
  public static final AttributeKey<String> PART = AttributeKey.stringKey("part");
  /** Which part of a step: data_wait, forward, backward, collectives, optimizer (see {@link StepPhase}). */
  public static final AttributeKey<String> PHASE = AttributeKey.stringKey("phase");
  /** Which S3 request failed, e.g. "put", "list". */
  public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");

  static final String UNIT_SECONDS = "s";
  static final String UNIT_BYTES = "By";
}
