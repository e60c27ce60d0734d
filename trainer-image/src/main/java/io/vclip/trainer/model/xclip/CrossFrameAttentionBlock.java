package io.vclip.trainer.model.xclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.Dense;
import io.vclip.trainer.model.layers.DropPath;
import io.vclip.trainer.model.layers.LayerNorm;
import io.vclip.trainer.model.layers.ResidualAttentionBlock;
import io.vclip.trainer.model.layers.SelfAttention;

/**
 * X-CLIP's cross-frame communication layer (CCT, §3.2 of the paper; {@code CrossFramelAttentionBlock}
 * in the reference code). Per frame, {@code message_fc} turns the [CLS] token into a message token; the
 * T messages of a clip attend to each other (cross-frame fusion: {@code message_ln}, {@code
 * message_attn}, residual); each frame then runs CLIP's ordinary attention over its tokens plus its own
 * message token (intra-frame diffusion), the message token is dropped, and the MLP runs.
 *
 * <p>With cross-frame attention off this is exactly CLIP's {@link ResidualAttentionBlock}: same
 * parameters, same code path, no message parameters.
 */
public final class CrossFrameAttentionBlock extends ResidualAttentionBlock {
  /** X-CLIP initialises its new linear layers with a truncated normal of std 0.02. */
  private static final float NEW_PART_STD = 0.02f;

  private final Dense messageFc;
  private final LayerNorm messageLn;
  private final SelfAttention messageAttn;

  public CrossFrameAttentionBlock(long width, int heads, int layers, float dropPath, boolean crossFrame) {
    super(width, heads, layers, dropPath);
    if (crossFrame) {
      messageFc = child("message_fc", new Dense(width, width, true, new TruncatedNormalInitializer(NEW_PART_STD)));
      messageLn = child("message_ln", new LayerNorm(width));
      messageAttn = child("message_attn", new SelfAttention(width, heads, NEW_PART_STD, NEW_PART_STD));
    } else {
      messageFc = null;
      messageLn = null;
      messageAttn = null;
    }
  }

  /** x (B·T, L, W), frames of one clip adjacent → (B·T, L, W). */
  public NDArray apply(ParameterStore ps, NDArray x, int frames, boolean training) {
    if (messageFc == null) {
      return apply(ps, x, null, training);
    }
    long bt = x.getShape().get(0);
    long tokens = x.getShape().get(1);
    long width = x.getShape().get(2);
    NDArray cls = x.get(new NDIndex(":, 0, :"));
    NDArray msg = messageFc.apply(ps, cls, training).reshape(bt / frames, frames, width);
    NDArray fused = messageAttn.apply(ps, messageLn.apply(ps, msg, training), null, training);
    msg = msg.add(DropPath.apply(fused, dropPathRate(), training)).reshape(bt, 1, width);
    NDArray withMessage = NDArrays.concat(new NDList(x, msg), 1);
    NDArray attended = attentionResidual(ps, withMessage, null, training);
    NDArray framesOnly = attended.get(new NDIndex(":, :{}, :", tokens));
    return mlpResidual(ps, framesOnly, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    int frames = (int) inputs.get(1).toLongArray()[0];
    return new NDList(apply(ps, inputs.get(0), frames, training));
  }
}
