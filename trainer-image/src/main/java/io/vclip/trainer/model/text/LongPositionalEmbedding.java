package io.vclip.trainer.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.TextConfig;
import io.vclip.trainer.model.layers.NamedBlock;

/**
 * Text positions as two tensors, as Long-CLIP trains them: {@code kept} (the first 20 rows, frozen —
 * they carry CLIP's well-trained short-text positions) and {@code stretched} (the remaining rows,
 * trainable). Long-CLIP masks one full-size tensor; two tensors give the optimizer nothing to mask.
 */
public final class LongPositionalEmbedding extends NamedBlock {
  private final Parameter kept;
  private final Parameter stretched;
  private final long width;

  public LongPositionalEmbedding(int contextLength, int width) {
    this.width = width;
    // OpenAI CLIP initialises text positions with N(0, 0.01).
    kept =
        param(
            "kept",
            new Shape(TextConfig.KEPT_POSITIONS, width),
            Parameter.Type.WEIGHT,
            new NormalInitializer(0.01f),
            false);
    stretched =
        param(
            "stretched",
            new Shape(contextLength - TextConfig.KEPT_POSITIONS, width),
            Parameter.Type.WEIGHT,
            new NormalInitializer(0.01f));
  }

  /** The first {@code length} rows of the full (context, W) table. */
  public NDArray rows(ParameterStore ps, NDArray like, long length, boolean training) {
    NDArray full =
        NDArrays.concat(
            new NDList(value(ps, kept, like, training), value(ps, stretched, like, training)), 0);
    return length == full.getShape().get(0) ? full : full.get(new NDIndex("0:{}", length));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray tokens = inputs.singletonOrThrow();
    return new NDList(rows(ps, tokens, tokens.getShape().get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(1), width)};
  }
}
