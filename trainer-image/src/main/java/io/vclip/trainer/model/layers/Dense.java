package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** y = x·Wᵀ + b over the last axis, with PyTorch's {@code nn.Linear} layout (weight is out × in). */
public final class Dense extends NamedBlock {
  private final long out;
  private final Parameter weight;
  private final Parameter bias;

  public Dense(long in, long out, boolean withBias, Initializer weightInit) {
    this.out = out;
    this.weight = param("weight", new Shape(out, in), Parameter.Type.WEIGHT, weightInit);
    this.bias =
        withBias ? param("bias", new Shape(out), Parameter.Type.BIAS, new ConstantInitializer(0f)) : null;
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray y = x.matMul(value(ps, weight, x, training).transpose());
    return bias == null ? y : y.add(value(ps, bias, x, training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }
}
