package io.vclip.trainer.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.crds.v1alpha1.ObjectiveSpec;
import io.vclip.crds.v1alpha1.TpcmMode;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.VclipUserException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The six variants differ from the base spec exactly in the objective switches the ladder names. */
class AblationPlanTest {
  static final String BASE = """
      apiVersion: vclip.io/v1alpha1
      kind: VideoClipTraining
      metadata: {name: abl}
      spec:
        replicas: 1
        model: {preset: tiny, frames: 4}
        data:
          synthetic: {videos: 64, heldOutVideos: 16, frameSize: 32, seed: 3}
        objective:
          contrastive: {weight: 1.0}
          tpcm: {enabled: true, weight: 0.5, mode: adaptive, k: 4}
          ddr: {enabled: false, weight: 2.0, margin: 0.07, steps: 2}
          hdr: {enabled: true, weight: 3.0, margin: 0.09, steps: 3}
        optimization: {maxSteps: 50, globalBatchSize: 16, warmupSteps: 5, seed: 11}
        checkpoint:
          store: {bucket: vclip, prefix: runs}
      """;

  /** (tpcm enabled, mode, ddr enabled, hdr enabled) per row, in ladder order. */
  record Switches(String id, boolean tpcm, TpcmMode mode, boolean ddr, boolean hdr) {}

  @Test
  void sixVariantsDifferOnlyInTheObjectiveSwitches() {
    VideoClipTraining base = parse(BASE);
    AblationPlan plan = AblationPlan.of(base);

    assertThat(plan.variants()).extracting(AblationVariant::id)
        .containsExactly("contrastive", "pce-fixed-k", "tpcm", "tpcm-ddr", "tpcm-hdr", "full");
    List<Switches> expected = List.of(
        new Switches("contrastive", false, TpcmMode.ADAPTIVE, false, false),
        new Switches("pce-fixed-k", true, TpcmMode.FIXED, false, false),
        new Switches("tpcm", true, TpcmMode.ADAPTIVE, false, false),
        new Switches("tpcm-ddr", true, TpcmMode.ADAPTIVE, true, false),
        new Switches("tpcm-hdr", true, TpcmMode.ADAPTIVE, false, true),
        new Switches("full", true, TpcmMode.ADAPTIVE, true, true));
    for (int i = 0; i < expected.size(); i++) {
      AblationVariant v = plan.variants().get(i);
      ObjectiveSpec o = v.training().getSpec().getObjective();
      assertThat(new Switches(v.id(), o.getTpcm().isEnabled(), o.getTpcm().getMode(), o.getDdr().isEnabled(),
          o.getHdr().isEnabled())).isEqualTo(expected.get(i));
      assertThat(v.job()).isEqualTo("abl-" + v.id());
      // weights, margins, steps and k are the base's, whichever parts the row enables
      assertThat(o.getContrastive().getWeight()).isEqualTo(1.0);
      assertThat(o.getTpcm().getWeight()).isEqualTo(0.5);
      assertThat(o.getTpcm().getK()).isEqualTo(4);
      assertThat(List.of(o.getDdr().getWeight(), o.getDdr().getMargin(), (double) o.getDdr().getSteps()))
          .containsExactly(2.0, 0.07, 2.0);
      assertThat(List.of(o.getHdr().getWeight(), o.getHdr().getMargin(), (double) o.getHdr().getSteps()))
          .containsExactly(3.0, 0.09, 3.0);

      // Everything outside spec.objective and metadata.name is the base spec, byte for byte.
      VideoClipTraining normalised = parse(ResourceYaml.write(v.training()));
      normalised.getMetadata().setName("abl");
      normalised.getSpec().setObjective(base.getSpec().getObjective());
      assertThat(ResourceYaml.write(normalised)).isEqualTo(ResourceYaml.write(base));
    }
    assertThat(plan.variants().get(1).label()).contains("k=4");
    // the base itself is untouched by the derivation
    assertThat(base.getSpec().getObjective().getDdr().isEnabled()).isFalse();
    assertThat(base.getMetadata().getName()).isEqualTo("abl");
  }

  @Test
  void stepsAndSeedOverridesReachEveryVariant() {
    AblationPlan plan = AblationPlan.of(parse(BASE)).withMaxSteps(4);
    assertThat(plan.variants()).allSatisfy(v -> {
      assertThat(v.training().getSpec().getOptimization().getMaxSteps()).isEqualTo(4);
      assertThat(v.training().getSpec().getOptimization().getWarmupSteps()).isLessThan(4);
    });
    assertThat(AblationPlan.of(parse(BASE)).withSeed(77).variants())
        .allSatisfy(v -> assertThat(v.training().getSpec().getOptimization().getSeed()).isEqualTo(77))
        .allSatisfy(v -> assertThat(v.training().getSpec().getOptimization().getMaxSteps()).isEqualTo(50));
    assertThatThrownBy(() -> AblationPlan.of(parse(BASE)).withMaxSteps(0))
        .isInstanceOf(VclipUserException.class).hasMessageContaining("--steps");
  }

  @Test
  void onlyKeepsTheChosenVariantsInLadderOrderAndSurvivesAStepsOverride() {
    AblationPlan plan = AblationPlan.of(parse(BASE)).only(List.of("full", "pce-fixed-k"));
    assertThat(plan.variants()).extracting(AblationVariant::id).containsExactly("pce-fixed-k", "full");
    assertThat(plan.withMaxSteps(3).variants()).extracting(AblationVariant::id).containsExactly("pce-fixed-k", "full");
    assertThatThrownBy(() -> AblationPlan.of(parse(BASE)).only(List.of("tpcm", "nope")))
        .isInstanceOf(VclipUserException.class).hasMessageContaining("[nope]").hasMessageContaining("tpcm-hdr");
  }

  @Test
  void aSpecOffTheSyntheticWorldIsRefusedNamingTheField() {
    String real = BASE.replace("synthetic: {videos: 64, heldOutVideos: 16, frameSize: 32, seed: 3}",
        "shards: s3://data/train/\n    evalShards: s3://data/eval/")
        .replace("model: {preset: tiny, frames: 4}", "model: {preset: tiny, frames: 4, tokenizer: {uri: s3://data/tok.json}}");
    assertThatThrownBy(() -> AblationPlan.of(parse(real)))
        .isInstanceOf(VclipUserException.class).hasMessageContaining("spec.data.synthetic");
  }

  @Test
  void aFixedKThatKeepsEveryComponentIsRefused() {
    // global batch 16 on 1 replica: the local batch's rank is at most 15, so k = 15 drops nothing
    assertThatThrownBy(() -> AblationPlan.of(parse(BASE.replace("k: 4", "k: 15"))))
        .isInstanceOf(VclipUserException.class).hasMessageContaining("spec.objective.tpcm.k (15)")
        .hasMessageContaining("identity");
    assertThat(AblationPlan.of(parse(BASE.replace("k: 4", "k: 14"))).variants()).hasSize(6);
  }

  @Test
  void aZeroWeightIsRefusedBecauseItsRowWouldRepeatAnother() {
    assertThatThrownBy(() -> AblationPlan.of(parse(BASE.replace("weight: 2.0", "weight: 0"))))
        .isInstanceOf(VclipUserException.class).hasMessageContaining("spec.objective.ddr.weight");
  }

  @Test
  void aBaseNameTooLongForTheVariantSuffixIsRefusedNamingTheField() {
    String longName = "a".repeat(45);
    assertThatThrownBy(() -> AblationPlan.of(parse(BASE.replace("name: abl", "name: " + longName))))
        .isInstanceOf(VclipUserException.class).hasMessageContaining("metadata.name");
  }

  static VideoClipTraining parse(String yaml) {
    return (VideoClipTraining) ResourceYaml.readAll(yaml, "test").get(0);
  }
}
