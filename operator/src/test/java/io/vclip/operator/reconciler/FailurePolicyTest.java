package io.vclip.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.v1alpha1.RunPolicy;
import io.vclip.operator.observer.WorkerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

  private static WorkerState failed(Integer exitCode, String message) {
    return new WorkerState(1, "job-worker-1", "r-1", "Failed", false, exitCode, message, false, null);
  }

  @Test
  void exitCodesMapToVerdicts() {
    RunPolicy policy = new RunPolicy();
    assertThat(FailurePolicy.decide(failed(2, "{\"reason\":\"spec.data.shards: empty\"}"), policy))
        .isEqualTo(new FailurePolicy.Decision(FailurePolicy.Verdict.FAIL, "BadConfig",
            "worker 1 (pod job-worker-1) exited with code 2: spec.data.shards: empty"));
    assertThat(FailurePolicy.decide(failed(4, ""), policy).reason()).isEqualTo("NonFiniteLoss");
    assertThat(FailurePolicy.decide(failed(3, ""), policy).verdict()).isEqualTo(FailurePolicy.Verdict.RESTART_FREE);
    assertThat(FailurePolicy.decide(failed(1, "boom"), policy).verdict()).isEqualTo(FailurePolicy.Verdict.RESTART);
    assertThat(FailurePolicy.decide(failed(null, null), policy).reason()).isEqualTo("PodFailed");
  }

  @Test
  void restartOnExitCodesNarrowsWhatIsRetried() {
    RunPolicy policy = new RunPolicy();
    policy.setRestartOnExitCodes(List.of(137));
    assertThat(FailurePolicy.decide(failed(137, ""), policy).verdict()).isEqualTo(FailurePolicy.Verdict.RESTART);
    var decision = FailurePolicy.decide(failed(1, ""), policy);
    assertThat(decision.verdict()).isEqualTo(FailurePolicy.Verdict.FAIL);
    assertThat(decision.message()).contains("not in spec.runPolicy.restartOnExitCodes [137]");
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
    assertThat(List.of(1, 2, 3, 4, 50).stream().map(backoff::delayBefore).toList()).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60));
  }
}
