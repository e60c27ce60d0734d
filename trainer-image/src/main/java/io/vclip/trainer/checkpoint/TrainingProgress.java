package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the operator shows about a run, carried in each manifest so it needs no write access to the
 * Kubernetes API: the loss and throughput at the checkpointed step.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingProgress(double loss, double samplesPerSecond) {
  public static final TrainingProgress UNKNOWN = new TrainingProgress(Double.NaN, Double.NaN);
}
