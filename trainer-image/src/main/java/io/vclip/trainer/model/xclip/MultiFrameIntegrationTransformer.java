package io.vclip.trainer.model.xclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.NamedBlock;
import io.vclip.trainer.model.layers.ResidualAttentionBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * X-CLIP's multi-frame integration transformer (MIT, {@code mit.py}): per-frame features plus a
 * temporal position embedding (truncated normal, std 0.02) go through {@code mit_layers} residual
 * attention blocks; the input is added back and the T outputs are averaged into the video feature.
 */
public final class MultiFrameIntegrationTransformer extends NamedBlock {
  private final int frames;
  private final long dim;
  private final Parameter positionalEmbedding;
  private final List<ResidualAttentionBlock> blocks = new ArrayList<>();

  public MultiFrameIntegrationTransformer(int frames, int dim, int layers, int heads) {
    this.frames = frames;
    this.dim = dim;
    positionalEmbedding =
        param(
            "positional_embedding",
            new Shape(frames, dim),
            Parameter.Type.WEIGHT,
            new TruncatedNormalInitializer(0.02f));
    for (int i = 0; i < layers; i++) {
      blocks.add(child("blocks." + i, new ResidualAttentionBlock(dim, heads, layers, 0f)));
    }
  }

  /** perFrame (B, T, D) → video feature (B, D). */
  public NDArray apply(ParameterStore ps, NDArray perFrame, boolean training) {
    long t = perFrame.getShape().get(1);
    if (t != frames) {
      throw new IllegalArgumentException(
          "MIT was built for xclip.frames = " + frames + " but the clip has " + t + " frames");
    }
    NDArray x = perFrame.add(value(ps, positionalEmbedding, perFrame, training));
    for (ResidualAttentionBlock block : blocks) {
      x = block.apply(ps, x, null, training);
    }
    return x.add(perFrame).mean(new int[] {1});
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
  }
}
