package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import io.vclip.trainer.model.NativeScalar;

/**
 * softmax(Q·Kᵀ/√d + mask)·V split over heads. DJL 0.29 has no fused attention kernel, so it is composed
 * from matmuls and a softmax; autograd then follows each op.
 */
public final class ScaledDotProductAttention {
  private ScaledDotProductAttention() {}

  /**
   * @param q (N, Lq, W) queries
   * @param k (N, Lk, W) keys
   * @param v (N, Lk, W) values
   * @param heads number of heads; W must be a multiple of it
   * @param additiveMask (Lq, Lk) added to the scores (0 or −∞), or null
   * @return (N, Lq, W)
   */
  public static NDArray attend(NDArray q, NDArray k, NDArray v, int heads, NDArray additiveMask) {
    long n = q.getShape().get(0);
    long lq = q.getShape().get(1);
    long lk = k.getShape().get(1);
    long w = q.getShape().get(2);
    long d = w / heads;
    NDArray qh = q.reshape(n, lq, heads, d).transpose(0, 2, 1, 3);
    NDArray kh = k.reshape(n, lk, heads, d).transpose(0, 2, 3, 1);
    NDArray vh = v.reshape(n, lk, heads, d).transpose(0, 2, 1, 3);
    NDArray scores = qh.matMul(kh);
    scores = scores.mul(NativeScalar.like(scores, 1.0 / Math.sqrt(d)));
    if (additiveMask != null) {
      scores = scores.add(additiveMask);
    }
    NDArray out = scores.softmax(-1).matMul(vh);
    return out.transpose(0, 2, 1, 3).reshape(n, lq, w);
  }
}
