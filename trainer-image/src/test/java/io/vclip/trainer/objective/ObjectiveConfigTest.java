package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.cli.VclipUserException;
import io.vclip.trainer.objective.ObjectiveConfig.Contrastive;
import io.vclip.trainer.objective.ObjectiveConfig.PceMode;
import io.vclip.trainer.objective.ObjectiveConfig.Ranking;
import io.vclip.trainer.objective.ObjectiveConfig.Tpcm;
import org.junit.jupiter.api.Test;

class ObjectiveConfigTest {
  private final ObjectiveConfig defaults = ObjectiveConfig.defaults();

  @Test
  void defaultsAreTheDocumentedChoices() {
    assertThat(defaults.tpcm()).isEqualTo(new Tpcm(true, 1.0, PceMode.ADAPTIVE, 32));
    assertThat(defaults.ddr()).isEqualTo(new Ranking(true, 1.0, 0.05, 4));
    assertThat(defaults.hdr()).isEqualTo(new Ranking(true, 1.0, 0.05, 4));
    assertThat(defaults.contrastive().enabled()).isTrue();
  }

  @Test
  void rejectsAMarginOutsideTheCosineRangeNamingTheField() {
    assertThatThrownBy(() -> withDdr(new Ranking(true, 1, 2.5, 4)))
        .isInstanceOf(VclipUserException.class)
        .hasMessage("objective.ddr.margin must be in [0, 2], got 2.5");
    assertThatThrownBy(() -> withHdr(new Ranking(true, 1, -0.1, 4)))
        .hasMessageStartingWith("objective.hdr.margin must be in [0, 2]");
  }

  @Test
  void rejectsBadWeightsSequenceLengthsAndComponentCounts() {
    assertThatThrownBy(() -> withDdr(new Ranking(true, Double.NaN, 0.1, 4)))
        .hasMessageStartingWith("objective.ddr.weight must be in [0, 100]");
    assertThatThrownBy(() -> withHdr(new Ranking(true, 1, 0.1, 1)))
        .hasMessageStartingWith("objective.hdr.sequenceLength must be in [2, 16]");
    assertThatThrownBy(() -> withTpcm(new Tpcm(true, -1, PceMode.FIXED, 32)))
        .hasMessageStartingWith("objective.tpcm.weight must be in [0, 100]");
    assertThatThrownBy(() -> withTpcm(new Tpcm(true, 1, PceMode.FIXED, 0)))
        .hasMessageStartingWith("objective.tpcm.components must be >= 1");
    assertThatThrownBy(() -> withTpcm(new Tpcm(true, 1, null, 32)))
        .hasMessageStartingWith("objective.tpcm.mode must be one of");
  }

  @Test
  void rejectsAnObjectiveWithEveryPartOff() {
    assertThatThrownBy(() -> new ObjectiveConfig(
            new Contrastive(false),
            new Tpcm(false, 1, PceMode.ADAPTIVE, 32),
            new Ranking(false, 1, 0.05, 4),
            new Ranking(false, 1, 0.05, 4)))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining("enable at least one of objective.contrastive");
  }

  private ObjectiveConfig withDdr(Ranking ddr) {
    return new ObjectiveConfig(defaults.contrastive(), defaults.tpcm(), ddr, defaults.hdr());
  }

  private ObjectiveConfig withHdr(Ranking hdr) {
    return new ObjectiveConfig(defaults.contrastive(), defaults.tpcm(), defaults.ddr(), hdr);
  }

  private ObjectiveConfig withTpcm(Tpcm tpcm) {
    return new ObjectiveConfig(defaults.contrastive(), tpcm, defaults.ddr(), defaults.hdr());
  }
}
