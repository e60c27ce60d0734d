package io.vclip.trainer.telemetry;

import java.util.Locale;

/** Where a training step's time goes, as metric attribute values. */
public enum StepPhase {
  DATA_WAIT,
  FORWARD,
  BACKWARD,
  COLLECTIVES,
  OPTIMIZER;

  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
