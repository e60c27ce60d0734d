package io.vclip.trainer.train;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (pod eviction, preemption, {@code vclip run} stopping a group) asks the loop to stop at
 * the next step boundary, commit a checkpoint and exit with the PREEMPTED code. A JVM shutdown hook
 * could not choose the exit code, hence the signal handler.
 */
public final class StopSignal {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);
  private final AtomicBoolean requested = new AtomicBoolean();

  public static StopSignal installForSigterm() {
    StopSignal s = new StopSignal();
    Signal.handle(new Signal("TERM"), sig -> {
      if (!s.requested.getAndSet(true)) {
        LOG.warn("SIGTERM: stopping at the next step boundary to commit a checkpoint");
      }
    });
    return s;
  }

  boolean requested() {
    return requested.get();
  }
}
