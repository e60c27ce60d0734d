package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis with PyTorch's parameter names ({@code weight}, {@code bias})
 * rather than DJL's ({@code gamma}, {@code beta}), so checkpoint names map one to one.
 */
public final class LayerNorm extends NamedBlock {
  private static final float EPS = 1e-5f;
  private final long width;
  private final Parameter weight;
  private final Parameter bias;

  public LayerNorm(long width) {
    this.width = width;
    this.weight = param("weight", new Shape(width), Parameter.Type.GAMMA, new ConstantInitializer(1f));
    this.bias = param("bias", new Shape(width), Parameter.Type.BETA, new ConstantInitializer(0f));
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return ai.djl.nn.norm.LayerNorm.layerNorm(
            x,
            new Shape(width),
            value(ps, weight, x, training),
            value(ps, bias, x, training),
            EPS)
        .singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
