package io.vclip.trainer.model.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.NamedBlock;

/**
 * CLIP's {@code conv1}: a stride-p, kernel-p convolution without bias, computed as a matmul over
 * non-overlapping patches. The weight keeps the convolution layout (W, 3, p, p) so checkpoints load
 * unchanged; flattening it and each patch in (channel, row, column) order makes the two identical.
 */
public final class PatchEmbedding extends NamedBlock {
  private final int patch;
  private final long width;
  private final Parameter weight;

  public PatchEmbedding(int patch, long width) {
    this.patch = patch;
    this.width = width;
    this.weight =
        param(
            "weight",
            new Shape(width, 3, patch, patch),
            Parameter.Type.WEIGHT,
            new NormalInitializer((float) Math.pow(3.0 * patch * patch, -0.5)));
  }

  /** images (N, 3, H, W) → patch tokens (N, (H/p)·(W/p), width), row-major over the grid. */
  public NDArray apply(ParameterStore ps, NDArray images, boolean training) {
    long n = images.getShape().get(0);
    long gh = images.getShape().get(2) / patch;
    long gw = images.getShape().get(3) / patch;
    NDArray patches =
        images
            .reshape(n, 3, gh, patch, gw, patch)
            .transpose(0, 2, 4, 1, 3, 5)
            .reshape(n, gh * gw, 3L * patch * patch);
    NDArray w = value(ps, weight, images, training).reshape(width, 3L * patch * patch);
    return patches.matMul(w.transpose());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), (s.get(2) / patch) * (s.get(3) / patch), width)};
  }
}
