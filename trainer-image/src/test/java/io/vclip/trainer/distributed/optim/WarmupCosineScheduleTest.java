package io.vclip.trainer.distributed.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {

  @Test
  void warmsUpLinearlyThenFollowsAHalfCosineToTheFloor() {
    LearningRateSchedule s = LearningRateSchedule.warmupCosine(1.0, 4, 14, 0.1);
    assertThat(s.learningRate(0)).isCloseTo(0.25, within(1e-12));
    assertThat(s.learningRate(3)).isCloseTo(1.0, within(1e-12));
    assertThat(s.learningRate(4)).isCloseTo(1.0, within(1e-12));
    // halfway through the 10 decay updates: floor + (peak − floor)·½·(1 + cos(π/2)) = 0.1 + 0.45
    assertThat(s.learningRate(9)).isCloseTo(0.55, within(1e-12));
    assertThat(s.learningRate(14)).isCloseTo(0.1, within(1e-12));
    assertThat(s.learningRate(1000)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void rejectsAWarmupLongerThanTheRun() {
    assertThatThrownBy(() -> LearningRateSchedule.warmupCosine(1.0, 20, 10, 0))
        .hasMessageContaining("warmup (20)");
  }
}
