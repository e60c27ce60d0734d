package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.VclipUserException;
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
    assertThat(defaults.ddr()).isEqualTo(new Ranking(true, 1.0, 0.05, 3));
    assertThat(defaults.ddr().sequenceLength()).isEqualTo(4);
    assertThat(defaults.hdr()).isEqualTo(new Ranking(true, 1.0, 0.05, 3));
    assertThat(defaults.contrastive()).isEqualTo(new Contrastive(1.0));
  }

  @Test
  void rejectsAMarginOutsideTheCosineRangeNamingTheField() {
    assertThatThrownBy(() -> withDdr(new Ranking(true, 1, 2.5, 4)))
        .isInstanceOf(VclipUserException.class)
        .hasMessage("spec.objective.ddr.margin must be in [0, 2], got 2.5");
    assertThatThrownBy(() -> withHdr(new Ranking(true, 1, -0.1, 4)))
        .hasMessageStartingWith("spec.objective.hdr.margin must be in [0, 2]");
  }

  @Test
  void rejectsBadWeightsSequenceLengthsAndComponentCounts() {
    assertThatThrownBy(() -> withDdr(new Ranking(true, Double.NaN, 0.1, 4)))
        .hasMessageStartingWith("spec.objective.ddr.weight must be in [0, 100]");
    assertThatThrownBy(() -> withHdr(new Ranking(true, 1, 0.1, 0)))
        .hasMessageStartingWith("spec.objective.hdr.steps must be in [1, 16]");
    assertThatThrownBy(() -> withTpcm(new Tpcm(true, -1, PceMode.FIXED, 32)))
        .hasMessageStartingWith("spec.objective.tpcm.weight must be in [0, 100]");
    assertThatThrownBy(() -> withTpcm(new Tpcm(true, 1, PceMode.FIXED, 0)))
        .hasMessageStartingWith("spec.objective.tpcm.k must be >= 1");
    assertThatThrownBy(() -> withTpcm(new Tpcm(true, 1, null, 32)))
        .hasMessageStartingWith("spec.objective.tpcm.mode must be adaptive or fixed");
  }

  @Test
  void rejectsAnObjectiveWithEveryPartOff() {
    assertThatThrownBy(() -> new ObjectiveConfig(
            new Contrastive(0),
            new Tpcm(false, 1, PceMode.ADAPTIVE, 32),
            new Ranking(true, 0, 0.05, 3),
            new Ranking(false, 1, 0.05, 3)))
        .isInstanceOf(VclipUserException.class)
        .hasMessage("spec.objective: no part is enabled with a positive weight; "
            + "enable at least one of contrastive, tpcm, ddr, hdr");
    assertThatThrownBy(() -> new ObjectiveConfig(
            new Contrastive(-1), defaults.tpcm(), defaults.ddr(), defaults.hdr()))
        .hasMessageStartingWith("spec.objective.contrastive.weight must be in [0, 100]");
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
