package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import io.vclip.trainer.model.NativeScalar;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** CLIP's feed-forward: {@code c_fc} (W → 4W), QuickGELU, {@code c_proj} (4W → W). */
public final class Mlp extends NamedBlock {
  private final Dense fc;
  private final Dense proj;

  public Mlp(long width, Initializer fcInit, Initializer projInit) {
    this.fc = child("c_fc", new Dense(width, 4 * width, true, fcInit));
    this.proj = child("c_proj", new Dense(4 * width, width, true, projInit));
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return proj.apply(ps, quickGelu(fc.apply(ps, x, training)), training);
  }

  /** x·σ(1.702x): the GELU approximation OpenAI CLIP was trained with, kept so imported weights match. */
  static NDArray quickGelu(NDArray x) {
    return x.mul(Activation.sigmoid(x.mul(NativeScalar.like(x, 1.702))));
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
