package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;

/**
 * Multi-head attention of queries over a separate key/value sequence, in the layout of X-CLIP's prompt
 * generator: bias-free {@code q_proj}, {@code k_proj}, {@code v_proj} and a biased output {@code proj}.
 */
public final class CrossAttention extends NamedBlock {
  private final int heads;
  private final Dense qProj;
  private final Dense kProj;
  private final Dense vProj;
  private final Dense proj;

  public CrossAttention(long width, int heads, float std) {
    this.heads = heads;
    qProj = child("q_proj", new Dense(width, width, false, new TruncatedNormalInitializer(std)));
    kProj = child("k_proj", new Dense(width, width, false, new TruncatedNormalInitializer(std)));
    vProj = child("v_proj", new Dense(width, width, false, new TruncatedNormalInitializer(std)));
    proj = child("proj", new Dense(width, width, true, new TruncatedNormalInitializer(std)));
  }

  /** queries (N, Lq, W), memory (N, Lk, W) → (N, Lq, W). */
  public NDArray apply(ParameterStore ps, NDArray queries, NDArray memory, boolean training) {
    NDArray attended =
        ScaledDotProductAttention.attend(
            qProj.apply(ps, queries, training),
            kProj.apply(ps, memory, training),
            vProj.apply(ps, memory, training),
            heads,
            null);
    return proj.apply(ps, attended, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
