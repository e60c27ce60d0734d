package io.vclip.trainer.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.contract.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real OS processes (bash) stand in for trainer ranks; the supervisor cannot tell the difference. */
class WorkerGroupSupervisorTest {
  @TempDir Path tmp;

  private GroupOutcome run(String script, int world, int backoffLimit, List<String> runIds) throws Exception {
    WorkerLaunch launch = new WorkerLaunch(List.of("bash", "-c", script), "job", world,
        Map.of("MARK", tmp.toString()), tmp.resolve("logs"), 0);
    GroupPolicy policy = new GroupPolicy(backoffLimit, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));
    return new WorkerGroupSupervisor(launch, policy, runIds::add).run();
  }

  @Test
  void everyRankGetsTheEnvContractAndTheGroupSucceeds() throws Exception {
    List<String> ids = new ArrayList<>();
    GroupOutcome out = run("echo \"$RANK/$WORLD_SIZE $MASTER_ADDR:$MASTER_PORT $VCLIP_JOB $VCLIP_RUN_ID $LOCAL_WORLD_SIZE\" > $MARK/rank-$RANK", 2, 0, ids);
    assertThat(out.succeeded()).isTrue();
    assertThat(out.attempts()).isEqualTo(1);
    String r0 = Files.readString(tmp.resolve("rank-0")).trim();
    String r1 = Files.readString(tmp.resolve("rank-1")).trim();
    assertThat(r0).startsWith("0/2 127.0.0.1:").endsWith("job " + ids.get(0) + " 1");
    assertThat(r1).startsWith("1/2 127.0.0.1:");
    assertThat(r0.split(" ")[1]).isEqualTo(r1.split(" ")[1]); // same rendezvous address
  }

  @Test
  void aFailedRankRestartsTheWholeGroupWithANewRunId() throws Exception {
    // Rank 1 fails in the first attempt only; rank 0 would otherwise run long and must be stopped.
    String script = "if [ $RANK = 1 ] && [ ! -f $MARK/failed ]; then touch $MARK/failed; exit 1; fi;"
        + " if [ ! -f $MARK/failed-seen-$RANK-$VCLIP_RUN_ID ]; then touch $MARK/failed-seen-$RANK-$VCLIP_RUN_ID; fi;"
        + " if [ $RANK = 0 ] && [ ! -f $MARK/r0-first ]; then touch $MARK/r0-first; sleep 30; fi; exit 0";
    List<String> ids = new ArrayList<>();
    GroupOutcome out = run(script, 2, 2, ids);
    assertThat(out.succeeded()).isTrue();
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(ids).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void badConfigFailsAtOnceWithoutRestart() throws Exception {
    List<String> ids = new ArrayList<>();
    GroupOutcome out = run("exit " + ExitCodes.BAD_CONFIG, 2, 5, ids);
    assertThat(out.succeeded()).isFalse();
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(out.exitCode()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(out.reason()).contains("BAD_CONFIG");
  }

  @Test
  void backoffLimitEndsARunThatKeepsFailing() throws Exception {
    GroupOutcome out = run("exit 7", 1, 2, new ArrayList<>());
    assertThat(out.succeeded()).isFalse();
    assertThat(out.attempts()).isEqualTo(3); // the first start + 2 restarts
    assertThat(out.reason()).contains("backoff limit 2");
  }
}
