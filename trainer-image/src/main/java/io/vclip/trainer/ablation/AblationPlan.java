package io.vclip.trainer.ablation;

import io.vclip.crds.v1alpha1.ObjectiveSpec;
import io.vclip.crds.v1alpha1.OptimizationSpec;
import io.vclip.crds.v1alpha1.TpcmMode;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.crds.validation.FieldError;
import io.vclip.crds.validation.Target;
import io.vclip.crds.validation.TrainingValidator;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.VclipUserException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The six objectives of the ablation (issue 5; PAPER-NOTES §3), derived from one base spec on the
 * synthetic world. Every variant keeps the base's model, data, seed and optimisation; only which
 * objective parts are enabled (and TPCM's mode) changes. Weights, margins, step counts and the fixed
 * k come from the base spec, so the ladder measures the parts, not a retuning.
 *
 * <ol>
 *   <li>contrastive: L_CL(f_lt, f_v) only
 *   <li>pce-fixed-k: + L_CL(f_st, PCE(f_v, k)) with Long-CLIP's fixed k
 *   <li>tpcm: + the same term with TPCM's text-guided k_i instead
 *   <li>tpcm-ddr: (3) + DDR
 *   <li>tpcm-hdr: (3) + HDR
 *   <li>full: (3) + DDR + HDR, the paper's objective
 * </ol>
 *
 * DDR/HDR keep their {@code steps} even when disabled: the synthetic data set's name depends on the
 * stored sequence length, and every row must read the same shards.
 */
public record AblationPlan(VideoClipTraining base, List<AblationVariant> variants) {

  /** Derives the six variants; errors name the base spec's field that makes the ladder meaningless. */
  public static AblationPlan of(VideoClipTraining base) {
    VideoClipTrainingSpec spec = base.getSpec();
    if (spec.getData().getSynthetic() == null) {
      throw new VclipUserException("spec.data.synthetic is required: the ablation runs on the synthetic world, "
          + "whose held-out ground truth makes the LVDR/DDR/HDR figures meaningful");
    }
    ObjectiveSpec objective = spec.getObjective();
    requirePositive("spec.objective.contrastive.weight", objective.getContrastive().getWeight());
    requirePositive("spec.objective.tpcm.weight", objective.getTpcm().getWeight());
    requirePositive("spec.objective.ddr.weight", objective.getDdr().getWeight());
    requirePositive("spec.objective.hdr.weight", objective.getHdr().getWeight());
    requireFixedKBelowRank(spec);

    List<AblationVariant> variants = List.of(
        variant(base, "contrastive", "contrastive only", o -> enable(o, false, TpcmMode.ADAPTIVE, false, false)),
        variant(base, "pce-fixed-k", "+ fixed-k PCE (Long-CLIP, k=" + objective.getTpcm().getK() + ")",
            o -> enable(o, true, TpcmMode.FIXED, false, false)),
        variant(base, "tpcm", "+ TPCM (adaptive k)", o -> enable(o, true, TpcmMode.ADAPTIVE, false, false)),
        variant(base, "tpcm-ddr", "+ TPCM + DDR", o -> enable(o, true, TpcmMode.ADAPTIVE, true, false)),
        variant(base, "tpcm-hdr", "+ TPCM + HDR", o -> enable(o, true, TpcmMode.ADAPTIVE, false, true)),
        variant(base, "full", "full (TPCM + DDR + HDR)", o -> enable(o, true, TpcmMode.ADAPTIVE, true, true)));
    return new AblationPlan(base, variants);
  }

  /** The same plan with every variant's {@code spec.optimization.maxSteps} replaced (a shorter or longer budget). */
  public AblationPlan withMaxSteps(int steps) {
    if (steps < 1) {
      throw new VclipUserException("--steps must be >= 1, got " + steps);
    }
    return derive(o -> {
      o.setMaxSteps(steps);
      if (o.getWarmupSteps() >= steps) {
        // Warm-up longer than the run would leave the learning rate ramping the whole time.
        o.setWarmupSteps(Math.max(0, steps / 10));
      }
    });
  }

  /** The same plan with another {@code spec.optimization.seed} (initialisation and data order) for every variant. */
  public AblationPlan withSeed(long seed) {
    return derive(o -> o.setSeed(seed));
  }

  private AblationPlan derive(Consumer<OptimizationSpec> change) {
    VideoClipTraining changed = copy(base);
    change.accept(changed.getSpec().getOptimization());
    AblationPlan all = of(changed);
    return variants.size() == all.variants().size() ? all : all.only(variants.stream().map(AblationVariant::id).toList());
  }

  /**
   * The plan restricted to some variants, in ladder order (to rerun a row, or a quick check). A
   * restricted table is not the ablation: its rows are comparable, but some parts have no row.
   */
  public AblationPlan only(java.util.Collection<String> ids) {
    List<String> known = variants.stream().map(AblationVariant::id).toList();
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    if (ids.isEmpty() || !unknown.isEmpty()) {
      throw new VclipUserException("--only: unknown variant(s) " + unknown + "; choose from " + known);
    }
    return new AblationPlan(base, variants.stream().filter(v -> ids.contains(v.id())).toList());
  }

  private static AblationVariant variant(VideoClipTraining base, String id, String label, Consumer<ObjectiveSpec> objective) {
    VideoClipTraining training = copy(base);
    training.getMetadata().setName(base.getMetadata().getName() + "-" + id);
    objective.accept(training.getSpec().getObjective());
    List<FieldError> errors = TrainingValidator.validate(training, Target.LOCAL);
    if (!errors.isEmpty()) {
      throw new VclipUserException("ablation variant '" + id + "' is invalid:\n  "
          + errors.stream().map(FieldError::toString).collect(Collectors.joining("\n  ")));
    }
    return new AblationVariant(id, label, training);
  }

  private static void enable(ObjectiveSpec o, boolean pce, TpcmMode mode, boolean ddr, boolean hdr) {
    o.getTpcm().setEnabled(pce);
    o.getTpcm().setMode(mode);
    o.getDdr().setEnabled(ddr);
    o.getHdr().setEnabled(hdr);
  }

  /**
   * PCE fits on each rank's local batch, whose centred features have rank at most B−1. A fixed k at or
   * above that keeps every component, so PCE is the identity and row 2 would only add a short-caption
   * contrastive term — not what Long-CLIP's fixed k does.
   */
  private static void requireFixedKBelowRank(VideoClipTrainingSpec spec) {
    int localBatch = spec.getOptimization().getGlobalBatchSize()
        / (spec.getReplicas() * spec.getOptimization().getAccumulationSteps());
    int k = spec.getObjective().getTpcm().getK();
    if (k >= localBatch - 1) {
      throw new VclipUserException("spec.objective.tpcm.k (" + k + ") must be below the local batch's rank ("
          + (localBatch - 1) + " = globalBatchSize / (replicas × accumulationSteps) − 1): otherwise fixed-k PCE keeps "
          + "every component and is the identity");
    }
  }

  private static void requirePositive(String field, double weight) {
    if (!(weight > 0)) {
      throw new VclipUserException(field + " must be > 0 in the ablation's base spec (the variant that enables it "
          + "would equal one without it), got " + weight);
    }
  }

  private static VideoClipTraining copy(VideoClipTraining training) {
    return (VideoClipTraining) ResourceYaml.readAll(ResourceYaml.write(training), "ablation base spec").get(0);
  }
}
