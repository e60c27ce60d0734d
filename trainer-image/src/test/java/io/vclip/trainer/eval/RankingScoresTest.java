package io.vclip.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingScoresTest {
  @Test
  void handMadeOrderings() {
    RankingScores s = RankingScores.of(List.of(
        new float[] {0.9f, 0.8f, 0.7f, 0.6f}, // all 6 pairs right, fully correct
        new float[] {0.9f, 0.7f, 0.8f, 0.6f}, // one swapped pair: 5/6
        new float[] {0.1f, 0.2f, 0.3f, 0.4f}, // reversed: 0/6
        new float[] {0.5f, 0.5f, 0.4f, 0.3f})); // a tie is wrong: 5/6
    assertThat(s.items()).isEqualTo(4);
    assertThat(s.fullyCorrect()).isEqualTo(0.25);
    assertThat(s.pairAccuracy()).isCloseTo((6 + 5 + 0 + 5) / 24.0, within(1e-12));
  }

  @Test
  void chanceForFourDescriptions() {
    RankingScores c = RankingScores.chance(4);
    assertThat(c.fullyCorrect()).isCloseTo(1 / 24.0, within(1e-12));
    assertThat(c.pairAccuracy()).isEqualTo(0.5);
  }
}
