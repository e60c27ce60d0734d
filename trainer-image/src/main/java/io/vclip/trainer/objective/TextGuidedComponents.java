package io.vclip.trainer.objective;

/**
 * TPCM's selection (VideoCLIP-XL, PAPER-NOTES §3): per sample, the smallest k_i ≥ 1 with
 * cos(PCE_i(k_i), f_v,i) ≥ cos(f_lt,i, f_st,i). A short caption close to the long one asks for a
 * close reconstruction (many components); a coarse one for a coarse reconstruction. When rounding
 * keeps every k below the target, all components are kept (that reconstruction is the input itself).
 */
final class TextGuidedComponents implements ComponentSelection {
  @Override
  public int[] choose(PrincipalComponents components, double[] targets) {
    double[][] cosines = components.reconstructionCosines();
    int rank = components.rank();
    int[] chosen = new int[targets.length];
    for (int i = 0; i < targets.length; i++) {
      int k = Math.min(1, rank);
      while (k < rank && cosines[i][k] < targets[i]) {
        k++;
      }
      chosen[i] = k;
    }
    return chosen;
  }
}
