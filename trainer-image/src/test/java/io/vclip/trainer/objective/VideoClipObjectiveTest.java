package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.vclip.trainer.objective.ObjectiveConfig.Contrastive;
import io.vclip.trainer.objective.ObjectiveConfig.PceMode;
import io.vclip.trainer.objective.ObjectiveConfig.Ranking;
import io.vclip.trainer.objective.ObjectiveConfig.Tpcm;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoClipObjectiveTest {
  private static final int B = 4;
  private static final int D = 6;
  private static final int M = 3;

  private final ObjectiveConfig weighted = new ObjectiveConfig(
      new Contrastive(1.5),
      new Tpcm(true, 0.5, PceMode.ADAPTIVE, 32),
      new Ranking(true, 2.0, 0.2, M - 1),
      new Ranking(true, 3.0, 0.3, M - 1));

  @Test
  void totalIsTheWeightedSumOfTheIndependentlyComputedParts() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs in = inputs(manager, 51);
      ObjectiveResult result = VideoClipObjective.local(weighted).compute(in);

      SymmetricInfoNce infoNce = new SymmetricInfoNce(new LocalFeatureGather());
      double contrastive = infoNce.loss(in.longText(), in.video(), in.logitScale()).getDouble();
      LossPart tpcm = new TpcmLoss(infoNce, new TextGuidedComponents()).compute(in);
      double ddr = DescriptionRankingLoss.detail(0.2).compute(in).loss().getDouble();
      double hdr = DescriptionRankingLoss.hallucination(0.3).compute(in).loss().getDouble();

      assertThat(result.values()).containsOnlyKeys("contrastive", "tpcm", "ddr", "hdr", "total");
      assertThat(result.parts().keySet()).containsExactly("contrastive", "tpcm", "ddr", "hdr");
      assertThat(result.value("contrastive")).isCloseTo(contrastive, within(1e-12));
      assertThat(result.value("tpcm")).isCloseTo(tpcm.loss().getDouble(), within(1e-12));
      assertThat(result.value("ddr")).isCloseTo(ddr, within(1e-12));
      assertThat(result.value("hdr")).isCloseTo(hdr, within(1e-12));
      assertThat(result.value("total"))
          .isCloseTo(1.5 * contrastive + 0.5 * tpcm.loss().getDouble() + 2 * ddr + 3 * hdr, within(1e-12));
      assertThat(result.tpcmComponents()).containsExactly(tpcm.componentsKept());
      assertThat(ddr).isPositive();
      assertThat(hdr).isPositive();
    }
  }

  /**
   * Fixed k above the batch's rank keeps every component: PCE is then the identity with an exact
   * gradient, so the whole objective can be checked against finite differences that refit PCE.
   */
  @Test
  void totalGradientMatchesFiniteDifferences() {
    ObjectiveConfig config = new ObjectiveConfig(
        new Contrastive(1.0),
        new Tpcm(true, 0.5, PceMode.FIXED, 32),
        new Ranking(true, 2.0, 0.2, M - 1),
        new Ranking(true, 3.0, 0.3, M - 1));
    VideoClipObjective objective = VideoClipObjective.local(config);
    int b = 3;
    int d = 4;
    GradientCheck.assertMatchesFiniteDifferences(
        List.of(
            Features.gaussian(61, b * d),
            Features.gaussian(62, b * d),
            Features.gaussian(63, b * d),
            Features.gaussian(64, b * M * d),
            Features.gaussian(65, b * M * d),
            new double[] {Math.log(3)}),
        List.of(
            new Shape(b, d), new Shape(b, d), new Shape(b, d), new Shape(b, M, d), new Shape(b, M, d), new Shape(1)),
        in -> objective.compute(toInputs(in)).total());
  }

  @Test
  void disabledPartsAreAbsentAndNeedNoInputs() {
    ObjectiveConfig contrastiveOnly = new ObjectiveConfig(
        new Contrastive(1.0),
        new Tpcm(false, 1, PceMode.ADAPTIVE, 32),
        new Ranking(false, 1, 0.05, M - 1),
        new Ranking(false, 1, 0.05, M - 1));
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs full = inputs(manager, 52);
      ObjectiveInputs onlyLong =
          new ObjectiveInputs(full.video(), full.longText(), null, null, null, full.logitScale());
      ObjectiveResult result = VideoClipObjective.local(contrastiveOnly).compute(onlyLong);

      assertThat(result.parts()).containsOnlyKeys("contrastive");
      assertThat(result.value("total")).isEqualTo(result.value("contrastive"));
      assertThat(result.tpcmComponents()).isEmpty();
      assertThatThrownBy(() -> result.value("ddr")).hasMessageContaining("'ddr' is not enabled");
      assertThatThrownBy(() -> VideoClipObjective.local(weighted).compute(onlyLong))
          .hasMessageContaining("shortText is required while spec.objective.tpcm is enabled");
    }
  }

  @Test
  void rejectsSequencesOfAnotherLengthThanTheSpec() {
    ObjectiveConfig longer = new ObjectiveConfig(
        weighted.contrastive(), weighted.tpcm(), new Ranking(true, 1, 0.1, M), weighted.hdr());
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs in = inputs(manager, 53);
      assertThatThrownBy(() -> VideoClipObjective.local(longer).compute(in))
          .hasMessageContaining("ddrText holds 3 descriptions per sample")
          .hasMessageContaining("the spec asks for 4 (the original and 3 steps)");
    }
  }

  @Test
  void rejectsTextThatDoesNotMatchTheVideoBatch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> new ObjectiveInputs(
              manager.zeros(new Shape(B, D)), manager.zeros(new Shape(B + 1, D)), null, null, null,
              manager.zeros(new Shape(1))))
          .hasMessageContaining("longText must be (4, 6) or (4, 4, 6)")
          .hasMessageContaining("(5, 6)");
    }
  }

  private static ObjectiveInputs inputs(NDManager manager, long seed) {
    return new ObjectiveInputs(
        manager.create(Features.gaussian(seed, B * D), new Shape(B, D)),
        manager.create(Features.gaussian(seed + 100, B * D), new Shape(B, D)),
        manager.create(Features.gaussian(seed + 200, B * D), new Shape(B, D)),
        manager.create(Features.gaussian(seed + 300, B * M * D), new Shape(B, M, D)),
        manager.create(Features.gaussian(seed + 400, B * M * D), new Shape(B, M, D)),
        manager.create(new double[] {Math.log(5)}, new Shape(1)));
  }

  private static ObjectiveInputs toInputs(NDList in) {
    return new ObjectiveInputs(in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5));
  }
}
