package io.vclip.trainer.distributed.optim;

import java.nio.FloatBuffer;

/**
 * The AdamW element update on a run of floats (PyTorch's AdamW order of operations):
 * decoupled decay p ← p·(1 − lr·wd); m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε).
 */
final class AdamWKernel {
  private AdamWKernel() {}

  /**
   * @param t 1-based update count (bias correction)
   * @param gradScale applied to g first (gradient clipping and accumulation averaging)
   */
  static void apply(FloatBuffer p, FloatBuffer g, float[] m, float[] v, int from, int length, long t,
      double lr, double weightDecay, AdamWSettings s, double gradScale) {
    double b1 = s.beta1();
    double b2 = s.beta2();
    double stepSize = lr / (1 - Math.pow(b1, t));
    double sqrtCorrection2 = Math.sqrt(1 - Math.pow(b2, t));
    double decay = 1 - lr * weightDecay;
    for (int i = from; i < from + length; i++) {
      double grad = g.get(i) * gradScale;
      double mi = b1 * m[i] + (1 - b1) * grad;
      double vi = b2 * v[i] + (1 - b2) * grad * grad;
      m[i] = (float) mi;
      v[i] = (float) vi;
      double param = p.get(i) * decay;
      param -= stepSize * mi / (Math.sqrt(vi) / sqrtCorrection2 + s.epsilon());
      p.put(i, (float) param);
    }
  }
}
