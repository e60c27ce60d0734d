package io.vclip.trainer.run;

import java.time.Duration;

/**
 * When a local group restarts: like the operator's run policy, a failed rank restarts the whole
 * group (collectives cannot continue with a member missing), after exponential backoff, at most
 * {@code backoffLimit} times.
 */
public record GroupPolicy(int backoffLimit, Duration initialBackoff, Duration maxBackoff, Duration stopGrace) {
  public static GroupPolicy defaults(int backoffLimit) {
    return new GroupPolicy(backoffLimit, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(20));
  }

  Duration backoffBefore(int restart) {
    long ms = initialBackoff.toMillis() << Math.min(restart - 1, 20);
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }
}
