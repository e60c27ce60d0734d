package io.vclip.trainer.train;

import io.vclip.trainer.telemetry.StepPhase;
import java.util.EnumMap;
import java.util.Map;

/** Where one optimizer step's time went, in seconds per phase. */
final class StepTimes {
  private final EnumMap<StepPhase, Double> seconds = new EnumMap<>(StepPhase.class);

  void add(StepPhase phase, long nanos) {
    seconds.merge(phase, nanos / 1e9, Double::sum);
  }

  Map<StepPhase, Double> asMap() {
    return seconds;
  }

  double total() {
    return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
