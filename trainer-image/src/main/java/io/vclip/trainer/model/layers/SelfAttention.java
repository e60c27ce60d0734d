package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention in the layout of PyTorch's {@code nn.MultiheadAttention} as OpenAI CLIP
 * stores it: one packed {@code in_proj_weight} (3W × W, rows q|k|v) and {@code out_proj}.
 */
public final class SelfAttention extends NamedBlock {
  private final int heads;
  private final Parameter inProjWeight;
  private final Parameter inProjBias;
  private final Dense outProj;

  /** Standard deviations follow OpenAI CLIP's {@code initialize_parameters}. */
  public SelfAttention(long width, int heads, float inStd, float outStd) {
    this.heads = heads;
    this.inProjWeight =
        param("in_proj_weight", new Shape(3 * width, width), Parameter.Type.WEIGHT, new NormalInitializer(inStd));
    this.inProjBias =
        param("in_proj_bias", new Shape(3 * width), Parameter.Type.BIAS, new ConstantInitializer(0f));
    this.outProj = child("out_proj", new Dense(width, width, true, new NormalInitializer(outStd)));
  }

  /** x (N, L, W) → (N, L, W); mask (L, L) additive or null. */
  public NDArray apply(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
    NDArray qkv =
        x.matMul(value(ps, inProjWeight, x, training).transpose()).add(value(ps, inProjBias, x, training));
    NDList parts = qkv.split(3, 2);
    NDArray attended = ScaledDotProductAttention.attend(parts.get(0), parts.get(1), parts.get(2), heads, mask);
    return outProj.apply(ps, attended, training);
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
