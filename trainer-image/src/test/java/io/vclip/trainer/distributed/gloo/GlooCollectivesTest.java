package io.vclip.trainer.distributed.gloo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.distributed.CollectivesWorker;
import io.vclip.trainer.distributed.WorkerGroup;
import io.vclip.trainer.distributed.WorkerGroup.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectives across real OS processes over Gloo on loopback. */
class GlooCollectivesTest {
  @TempDir Path logs;

  @Test
  void twoRanksAgreeOnEveryCollective() throws Exception {
    List<Outcome> outcomes = WorkerGroup.run(2, CollectivesWorker.class, List.of("collectives", "100000"), logs, 120);
    for (Outcome o : outcomes) {
      assertThat(o.exitCode()).as("rank %d output:%n%s", o.rank(), o.output()).isZero();
      assertThat(o.output()).contains("OK all-reduce sum", "OK reduce-scatter again", "OK all-gather",
          "OK broadcast", "OK barrier", "OK gather gradient reaches the local slice",
          "OK gather rejects uneven batches");
    }
  }

  @Test
  void threeRanksWithASizeThatDoesNotDivide() throws Exception {
    List<Outcome> outcomes = WorkerGroup.run(3, CollectivesWorker.class, List.of("collectives", "1001"), logs, 120);
    for (Outcome o : outcomes) {
      assertThat(o.exitCode()).as("rank %d output:%n%s", o.rank(), o.output()).isZero();
      assertThat(o.output()).contains("OK reduce-scatter (334 floats)", "OK all-gather (3003 floats)");
    }
  }

  @Test
  void aDeadPeerBecomesAJavaExceptionNotAnAbort() throws Exception {
    List<Outcome> outcomes = WorkerGroup.run(2, CollectivesWorker.class, List.of("peer-death"), logs, 120);
    Outcome survivor = outcomes.get(0);
    assertThat(survivor.exitCode()).as("rank 0 output:%n%s", survivor.output()).isZero();
    assertThat(survivor.output()).contains("CAUGHT CollectiveException").contains("gloo all-reduce failed")
        .contains("CLOSED after the failure");
  }

  @Test
  void aHungPeerFailsTheCollectiveAfterTheOperationTimeout() throws Exception {
    List<Outcome> outcomes = WorkerGroup.run(2, CollectivesWorker.class, List.of("peer-hang"), logs, 120);
    Outcome survivor = outcomes.get(0);
    assertThat(survivor.exitCode()).as("rank 0 output:%n%s", survivor.output()).isZero();
    assertThat(survivor.output()).contains("CAUGHT after").contains("gloo all-reduce failed");
  }
}
