package io.vclip.operator.reconciler;

import java.time.Duration;

/**
 * Exponential back-off between group restarts that count against the backoff limit: a crash loop (bad node,
 * broken shard) must not hammer the scheduler and the store, yet the first retry should come quickly.
 */
public record RestartBackoff(Duration initial, Duration max) {

  /** Delay before the {@code n}-th counted restart (1-based): initial, 2x, 4x, ... capped at max. */
  public Duration delayBefore(int n) {
    int doublings = Math.min(Math.max(0, n - 1), 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
