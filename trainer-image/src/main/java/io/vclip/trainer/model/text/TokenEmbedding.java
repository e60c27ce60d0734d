package io.vclip.trainer.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.NamedBlock;

/** Row lookup in a (vocab, W) table, PyTorch {@code nn.Embedding} layout ({@code weight}). */
public final class TokenEmbedding extends NamedBlock {
  private final Parameter weight;
  private final long width;

  public TokenEmbedding(int vocab, int width) {
    this.width = width;
    // OpenAI CLIP initialises the token table with N(0, 0.02).
    weight = param("weight", new Shape(vocab, width), Parameter.Type.WEIGHT, new NormalInitializer(0.02f));
  }

  /**
   * ids (N, L) int64 → (N, L, W). Through the engine's embedding op rather than an index-get: the
   * index-get's backward on CPU scatters with parallel atomic adds, so the table's gradient came out
   * in a different summation order on every step and runs were not repeatable. The embedding
   * backward gives each thread its own rows and sums them in token order.
   */
  public NDArray apply(ParameterStore ps, NDArray ids, boolean training) {
    NDArray table = value(ps, weight, ids, training);
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(width)};
  }
}
