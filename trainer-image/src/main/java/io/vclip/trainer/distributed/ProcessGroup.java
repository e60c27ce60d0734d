package io.vclip.trainer.distributed;

import io.vclip.trainer.distributed.gloo.GlooCollectives;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import java.time.Duration;

/** The trainer's entry point to its group: joins the group described by the operator's environment. */
public final class ProcessGroup {
  /** Long enough for pods that are scheduled, pulled and started one after another. */
  public static final Duration DEFAULT_RENDEZVOUS_TIMEOUT = Duration.ofMinutes(5);
  /** A collective that blocks this long has a dead or hung peer. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMinutes(5);

  private ProcessGroup() {}

  /** W=1 needs no transport; otherwise Gloo over TCP (an NCCL backend would be chosen here). */
  public static Collectives join(RendezvousEnv env, Duration rendezvousTimeout, Duration operationTimeout) {
    if (env.worldSize() == 1) {
      return new SingleProcessCollectives();
    }
    return GlooCollectives.connect(env, rendezvousTimeout, operationTimeout);
  }

  public static Collectives join(RendezvousEnv env) {
    return join(env, DEFAULT_RENDEZVOUS_TIMEOUT, DEFAULT_OPERATION_TIMEOUT);
  }
}
