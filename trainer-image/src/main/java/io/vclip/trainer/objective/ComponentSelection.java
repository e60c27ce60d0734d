package io.vclip.trainer.objective;

/** How many principal components each sample keeps in PCE: Long-CLIP's fixed k or TPCM's adaptive k_i. */
interface ComponentSelection {
  /**
   * @param components the batch's fitted components
   * @param targets per-sample cos(f_lt,i, f_st,i), detached; ignored by fixed selection
   * @return k_i per sample, each in [0, components.rank()]
   */
  int[] choose(PrincipalComponents components, double[] targets);

  /** Whether {@link #choose} reads the targets, which need the long captions. */
  default boolean usesTargets() {
    return true;
  }
}
