package io.vclip.trainer.checkpoint;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff for S3 requests: the delay doubles from {@code initialDelay} up to
 * {@code maxDelay}, with ±20 % jitter so the ranks of a job do not retry in lock step, and gives up
 * after {@code maxAttempts} attempts.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

  /** About 10 minutes of retries: rides out a MinIO restart or a short network partition. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 25);

  public RetryPolicy {
    if (initialDelay.isNegative() || initialDelay.isZero()) throw new IllegalArgumentException("initialDelay must be > 0");
    if (maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("maxDelay must be >= initialDelay");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
  }

  /** The wait after failed attempt number {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    double base = initialDelay.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
    double capped = Math.min(base, maxDelay.toMillis());
    double jittered = capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }
}
