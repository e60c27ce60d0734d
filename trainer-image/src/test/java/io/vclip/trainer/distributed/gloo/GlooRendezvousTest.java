package io.vclip.trainer.distributed.gloo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.distributed.WorkerGroup;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import io.vclip.trainer.distributed.rendezvous.RendezvousException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Forming a real Gloo group when a rank never shows up: a Java exception naming it, within the timeout. */
class GlooRendezvousTest {

  @Test
  void aRankThatNeverShowsUpIsNamed() throws Exception {
    RendezvousEnv env = new RendezvousEnv("127.0.0.1", WorkerGroup.freePort(), 3, 0, 1, "lonely");
    assertThatThrownBy(() -> GlooCollectives.connect(env, Duration.ofSeconds(2), Duration.ofSeconds(2)))
        .isInstanceOf(RendezvousException.class)
        .hasMessageContaining("rank 0: rank 1, rank 2 of WORLD_SIZE=3")
        .hasMessageContaining("of WORLD_SIZE=3 did not join the group within 2s");
  }
}
