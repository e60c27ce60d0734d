package io.vclip.trainer.distributed.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.VclipUserException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendezvousEnvTest {

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("MASTER_ADDR", "job-worker-0.job");
    env.put("MASTER_PORT", "29500");
    env.put("WORLD_SIZE", "4");
    env.put("RANK", "3");
    env.put("LOCAL_WORLD_SIZE", "2");
    env.put("VCLIP_RUN_ID", "run-7");
    return env;
  }

  @Test
  void readsTheOperatorContract() {
    RendezvousEnv e = RendezvousEnv.fromEnv(env());
    assertThat(e).isEqualTo(new RendezvousEnv("job-worker-0.job", 29500, 4, 3, 2, "run-7"));
    assertThat(e.masterEndpoint()).isEqualTo("MASTER_ADDR=job-worker-0.job:29500");
  }

  @Test
  void namesTheMissingOrBadVariable() {
    Map<String, String> missing = env();
    missing.remove("WORLD_SIZE");
    assertThatThrownBy(() -> RendezvousEnv.fromEnv(missing))
        .isInstanceOf(VclipUserException.class).hasMessage("env WORLD_SIZE is not set");

    Map<String, String> rank = env();
    rank.put("RANK", "4");
    assertThatThrownBy(() -> RendezvousEnv.fromEnv(rank)).hasMessage("env RANK=4 must be in [0, WORLD_SIZE=4)");

    Map<String, String> port = env();
    port.put("MASTER_PORT", "http");
    assertThatThrownBy(() -> RendezvousEnv.fromEnv(port)).hasMessage("env MASTER_PORT='http' is not an integer");

    Map<String, String> noRun = env();
    noRun.remove("VCLIP_RUN_ID");
    assertThatThrownBy(() -> RendezvousEnv.fromEnv(noRun)).hasMessage("env VCLIP_RUN_ID is not set");
  }
}
