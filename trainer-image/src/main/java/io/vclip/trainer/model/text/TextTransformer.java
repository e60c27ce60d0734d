package io.vclip.trainer.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.TextConfig;
import io.vclip.trainer.model.layers.LayerNorm;
import io.vclip.trainer.model.layers.NamedBlock;
import io.vclip.trainer.model.layers.ResidualAttentionBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIP's causal text transformer with Long-CLIP's 248 positions: token + position embedding, the layers
 * under a causal mask, {@code ln_final}, the end-of-text token's output, {@code text_projection}.
 */
public final class TextTransformer extends NamedBlock {
  /** Stands in for −∞ in the causal mask: exp underflows to exactly 0 and 0·mask stays finite. */
  private static final float MASKED = -1e9f;

  private final TokenEmbedding tokenEmbedding;
  private final LongPositionalEmbedding positionalEmbedding;
  private final List<ResidualAttentionBlock> blocks = new ArrayList<>();
  private final LayerNorm lnFinal;
  private final Parameter textProjection;
  private final long embedDim;
  private final int contextLength;

  public TextTransformer(TextConfig t, int embedDim) {
    this.embedDim = embedDim;
    this.contextLength = t.contextLength();
    tokenEmbedding = child("token_embedding", new TokenEmbedding(t.vocabSize(), t.width()));
    positionalEmbedding =
        child("positional_embedding", new LongPositionalEmbedding(t.contextLength(), t.width()));
    for (int i = 0; i < t.layers(); i++) {
      blocks.add(child("blocks." + i, new ResidualAttentionBlock(t.width(), t.heads(), t.layers(), 0f)));
    }
    lnFinal = child("ln_final", new LayerNorm(t.width()));
    textProjection =
        param(
            "text_projection",
            new Shape(t.width(), embedDim),
            Parameter.Type.WEIGHT,
            new NormalInitializer((float) Math.pow(t.width(), -0.5)));
  }

  /** ids (N, L) int64 with L ≤ context length, eot (N) int64 → (N, D). */
  public NDArray encode(ParameterStore ps, NDArray ids, NDArray eot, boolean training) {
    long len = ids.getShape().get(1);
    if (len > contextLength) {
      throw new IllegalArgumentException(
          "token ids have " + len + " positions; text.context_length is " + contextLength);
    }
    // Under the causal mask nothing after the last end-of-text token can reach any pooled output, so
    // the padding tail is cut off: exact, and most captions are far shorter than 248 tokens.
    long used = eot.max().toType(DataType.INT64, false).getLong() + 1;
    if (used < len) {
      ids = ids.get(new NDIndex(":, :{}", used));
      len = used;
    }
    NDArray x = tokenEmbedding.apply(ps, ids, training).add(positionalEmbedding.rows(ps, ids, len, training));
    NDArray mask = causalMask(ids, len);
    for (ResidualAttentionBlock block : blocks) {
      x = block.apply(ps, x, mask, training);
    }
    x = lnFinal.apply(ps, x, training);
    // Gather the end-of-text row as a one-hot product: differentiable and supported on every engine.
    NDArray pick = eot.toType(DataType.INT64, false).oneHot((int) len, DataType.FLOAT32).expandDims(1);
    NDArray pooled = pick.matMul(x).squeeze(1);
    return pooled.matMul(value(ps, textProjection, x, training));
  }

  private static NDArray causalMask(NDArray like, long len) {
    NDArray pos = like.getManager().arange(0, len, 1, DataType.INT64, like.getDevice());
    NDArray future = pos.reshape(1, len).gt(pos.reshape(len, 1));
    return future.toType(DataType.FLOAT32, false).mul(MASKED);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(encode(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), embedDim)};
  }
}
