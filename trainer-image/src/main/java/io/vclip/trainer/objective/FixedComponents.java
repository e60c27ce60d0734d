package io.vclip.trainer.objective;

import java.util.Arrays;

/**
 * Long-CLIP's PCE: the same k for every sample. A batch whose rank is below k (B ≤ k, or repeated
 * samples) keeps all its components, which reproduces it exactly.
 */
final class FixedComponents implements ComponentSelection {
  private final int k;

  FixedComponents(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("PCE: k must be >= 1, got " + k);
    }
    this.k = k;
  }

  @Override
  public int[] choose(PrincipalComponents components, double[] targets) {
    int[] chosen = new int[targets.length];
    Arrays.fill(chosen, Math.min(k, components.rank()));
    return chosen;
  }

  @Override
  public boolean usesTargets() {
    return false;
  }
}
