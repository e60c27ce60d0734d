package io.vclip.trainer.train;

import io.vclip.crds.v1alpha1.ObjectiveSpec;
import io.vclip.crds.v1alpha1.RankingTerm;
import io.vclip.crds.v1alpha1.TpcmMode;
import io.vclip.trainer.objective.ObjectiveConfig;

/** The objective a spec asks for (PAPER-NOTES §3: L = L_CL + α1·L_TPCM + α2·L_DDR + α3·L_HDR). */
public final class ObjectiveSetup {
  private ObjectiveSetup() {}

  public static ObjectiveConfig config(ObjectiveSpec spec) {
    return new ObjectiveConfig(
        new ObjectiveConfig.Contrastive(spec.getContrastive().getWeight()),
        new ObjectiveConfig.Tpcm(spec.getTpcm().isEnabled(), spec.getTpcm().getWeight(),
            spec.getTpcm().getMode() == TpcmMode.FIXED ? ObjectiveConfig.PceMode.FIXED : ObjectiveConfig.PceMode.ADAPTIVE,
            spec.getTpcm().getK()),
        ranking(spec.getDdr()),
        ranking(spec.getHdr()));
  }

  private static ObjectiveConfig.Ranking ranking(RankingTerm t) {
    return new ObjectiveConfig.Ranking(t.isEnabled(), t.getWeight(), t.getMargin(), t.getSteps());
  }
}
