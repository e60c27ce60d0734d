package io.vclip.trainer.model.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.VisionConfig;
import io.vclip.trainer.model.XClipConfig;
import io.vclip.trainer.model.layers.LayerNorm;
import io.vclip.trainer.model.layers.NamedBlock;
import io.vclip.trainer.model.xclip.CrossFrameAttentionBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIP's image ViT whose layers are X-CLIP cross-frame blocks: patch embedding, [CLS] token, learned
 * positions, {@code ln_pre}, the layers, {@code ln_post} on [CLS], projection to D. With cross-frame
 * attention off each frame is encoded exactly as CLIP encodes an image.
 */
public final class VisionTransformer extends NamedBlock {
  private final PatchEmbedding conv1;
  private final Parameter classEmbedding;
  private final Parameter positionalEmbedding;
  private final LayerNorm lnPre;
  private final List<CrossFrameAttentionBlock> blocks = new ArrayList<>();
  private final LayerNorm lnPost;
  private final Parameter proj;
  private final long width;
  private final long embedDim;

  public VisionTransformer(VisionConfig v, XClipConfig x, int embedDim) {
    this.width = v.width();
    this.embedDim = embedDim;
    float scale = (float) Math.pow(v.width(), -0.5);
    conv1 = child("conv1", new PatchEmbedding(v.patchSize(), v.width()));
    classEmbedding =
        param("class_embedding", new Shape(v.width()), Parameter.Type.WEIGHT, new NormalInitializer(scale));
    positionalEmbedding =
        param(
            "positional_embedding",
            new Shape(v.patches() + 1L, v.width()),
            Parameter.Type.WEIGHT,
            new NormalInitializer(scale));
    lnPre = child("ln_pre", new LayerNorm(v.width()));
    for (int i = 0; i < v.layers(); i++) {
      // X-CLIP ramps stochastic depth linearly from 0 at the first layer to drop_path at the last.
      float rate = v.layers() == 1 ? x.dropPath() : x.dropPath() * i / (v.layers() - 1);
      blocks.add(
          child(
              "blocks." + i,
              new CrossFrameAttentionBlock(v.width(), v.heads(), v.layers(), rate, x.crossFrameAttention())));
    }
    lnPost = child("ln_post", new LayerNorm(v.width()));
    proj = param("proj", new Shape(v.width(), embedDim), Parameter.Type.WEIGHT, new NormalInitializer(scale));
  }

  /** frames (B·T, 3, H, W), the T frames of a clip adjacent. */
  public FrameEncoding encode(ParameterStore ps, NDArray frames, int framesPerClip, boolean training) {
    long n = frames.getShape().get(0);
    NDArray patches = conv1.apply(ps, frames, training);
    NDArray cls =
        value(ps, classEmbedding, frames, training).reshape(1, 1, width).broadcast(n, 1, width);
    NDArray x = NDArrays.concat(new NDList(cls, patches), 1).add(value(ps, positionalEmbedding, frames, training));
    x = lnPre.apply(ps, x, training);
    for (CrossFrameAttentionBlock block : blocks) {
      x = block.apply(ps, x, framesPerClip, training);
    }
    NDArray clsOut = lnPost.apply(ps, x.get(new NDIndex(":, 0, :")), training);
    NDArray features = clsOut.matMul(value(ps, proj, frames, training));
    return new FrameEncoding(features, x.get(new NDIndex(":, 1:, :")));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    FrameEncoding e = encode(ps, inputs.get(0), 1, training);
    return new NDList(e.features(), e.patchTokens());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    long tokens = positionalEmbedding.getShape().get(0) - 1;
    return new Shape[] {new Shape(s.get(0), embedDim), new Shape(s.get(0), tokens, width)};
  }
}
