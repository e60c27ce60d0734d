package io.vclip.trainer.train;

/** Entry points that hand the training loop its stop request. */
public final class StopSignals {
  private StopSignals() {}

  public static StopSignal sigterm() {
    return StopSignal.installForSigterm();
  }
}
