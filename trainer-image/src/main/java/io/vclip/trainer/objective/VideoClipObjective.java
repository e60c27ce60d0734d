package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import io.vclip.trainer.model.NativeScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VideoCLIP-XL objective L = w·L_CL(f_lt, f_v) + α1·L_TPCM + α2·L_DDR + α3·L_HDR over features
 * from any backbone. Build once per run; {@link #compute} once per step.
 */
public final class VideoClipObjective {
  private record WeightedTerm(LossTerm term, double weight) {}

  private final ObjectiveConfig config;
  private final List<WeightedTerm> terms = new ArrayList<>();

  public VideoClipObjective(ObjectiveConfig config, FeatureGather gather) {
    this.config = config;
    SymmetricInfoNce infoNce = new SymmetricInfoNce(gather);
    if (config.contrastive().enabled()) {
      terms.add(new WeightedTerm(new LongTextContrastiveLoss(infoNce), config.contrastive().weight()));
    }
    if (config.tpcm().enabled()) {
      ComponentSelection selection =
          switch (config.tpcm().mode()) {
            case ADAPTIVE -> new TextGuidedComponents();
            case FIXED -> new FixedComponents(config.tpcm().k());
          };
      terms.add(new WeightedTerm(new TpcmLoss(infoNce, selection), config.tpcm().weight()));
    }
    if (config.ddr().enabled()) {
      terms.add(new WeightedTerm(DescriptionRankingLoss.detail(config.ddr().margin()), config.ddr().weight()));
    }
    if (config.hdr().enabled()) {
      terms.add(
          new WeightedTerm(DescriptionRankingLoss.hallucination(config.hdr().margin()), config.hdr().weight()));
    }
  }

  /** A single-process objective (the local batch is the global batch). */
  public static VideoClipObjective local(ObjectiveConfig config) {
    return new VideoClipObjective(config, new LocalFeatureGather());
  }

  public ObjectiveResult compute(ObjectiveInputs inputs) {
    requireSequenceLength("ddrText", inputs.ddrText(), config.ddr());
    requireSequenceLength("hdrText", inputs.hdrText(), config.hdr());
    Map<String, NDArray> parts = new LinkedHashMap<>();
    NDArray total = null;
    int[] tpcmComponents = new int[0];
    for (WeightedTerm weighted : terms) {
      LossPart part = weighted.term().compute(inputs);
      parts.put(part.name(), part.loss());
      if (part.name().equals(TpcmLoss.NAME)) {
        tpcmComponents = part.componentsKept();
      }
      NDArray contribution = weighted.weight() == 1.0 ? part.loss()
          : part.loss().mul(NativeScalar.like(part.loss(), weighted.weight()));
      total = total == null ? contribution : total.add(contribution);
    }
    return new ObjectiveResult(total, parts, tpcmComponents);
  }

  private static void requireSequenceLength(String field, NDArray sequence, ObjectiveConfig.Ranking ranking) {
    if (ranking.enabled() && sequence != null && sequence.getShape().get(1) != ranking.sequenceLength()) {
      throw new IllegalArgumentException(
          "objective inputs: " + field + " holds " + sequence.getShape().get(1)
              + " descriptions per sample but the spec asks for " + ranking.sequenceLength()
              + " (the original and " + ranking.steps() + " steps)");
    }
  }
}
