package io.vclip.trainer.model.xclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.CrossAttention;
import io.vclip.trainer.model.layers.LayerNorm;
import io.vclip.trainer.model.layers.Mlp;
import io.vclip.trainer.model.layers.NamedBlock;

/**
 * One layer of X-CLIP's prompt generator ({@code PromptGeneratorLayer}): text queries, normalised by
 * {@code norm1}, cross-attend to the video's visual tokens (residual), then a QuickGELU FFN behind
 * {@code norm3} (residual).
 */
public final class PromptGeneratorLayer extends NamedBlock {
  private static final float STD = 0.02f;
  private final LayerNorm norm1;
  private final CrossAttention crossAttn;
  private final LayerNorm norm3;
  private final Mlp mlp;

  public PromptGeneratorLayer(int dim, int heads) {
    norm1 = child("norm1", new LayerNorm(dim));
    crossAttn = child("cross_attn", new CrossAttention(dim, heads, STD));
    norm3 = child("norm3", new LayerNorm(dim));
    mlp = child("mlp", new Mlp(dim, new TruncatedNormalInitializer(STD), new TruncatedNormalInitializer(STD)));
  }

  /** text (B, N, D), visual (B, G, D) → (B, N, D). */
  public NDArray apply(ParameterStore ps, NDArray text, NDArray visual, boolean training) {
    NDArray x = text.add(crossAttn.apply(ps, norm1.apply(ps, text, training), visual, training));
    return x.add(mlp.apply(ps, norm3.apply(ps, x, training), training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
