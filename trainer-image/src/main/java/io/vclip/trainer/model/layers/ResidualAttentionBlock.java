package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * CLIP's pre-LayerNorm transformer layer: x + attn(ln_1(x)), then + mlp(ln_2(x)). The two residual steps
 * are exposed separately because X-CLIP's cross-frame block inserts its message token between them.
 */
public class ResidualAttentionBlock extends NamedBlock {
  private final LayerNorm ln1;
  private final SelfAttention attn;
  private final LayerNorm ln2;
  private final Mlp mlp;
  private final float dropPath;

  /**
   * @param layers depth of the tower this block sits in; OpenAI CLIP scales the output projections'
   *     init by (2·layers)^−½
   */
  public ResidualAttentionBlock(long width, int heads, int layers, float dropPath) {
    float attnStd = (float) Math.pow(width, -0.5);
    float projStd = attnStd * (float) Math.pow(2.0 * layers, -0.5);
    float fcStd = (float) Math.pow(2.0 * width, -0.5);
    this.ln1 = child("ln_1", new LayerNorm(width));
    this.attn = child("attn", new SelfAttention(width, heads, attnStd, projStd));
    this.ln2 = child("ln_2", new LayerNorm(width));
    this.mlp = child("mlp", new Mlp(width, new NormalInitializer(fcStd), new NormalInitializer(projStd)));
    this.dropPath = dropPath;
  }

  /** x (N, L, W) → (N, L, W); mask (L, L) additive or null. */
  public NDArray apply(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
    return mlpResidual(ps, attentionResidual(ps, x, mask, training), training);
  }

  protected final NDArray attentionResidual(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
    NDArray branch = attn.apply(ps, ln1.apply(ps, x, training), mask, training);
    return x.add(DropPath.apply(branch, dropPath, training));
  }

  protected final NDArray mlpResidual(ParameterStore ps, NDArray x, boolean training) {
    NDArray branch = mlp.apply(ps, ln2.apply(ps, x, training), training);
    return x.add(DropPath.apply(branch, dropPath, training));
  }

  protected final float dropPathRate() {
    return dropPath;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
