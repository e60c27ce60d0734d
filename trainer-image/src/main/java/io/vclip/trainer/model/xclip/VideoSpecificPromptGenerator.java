package io.vclip.trainer.model.xclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.LayerNorm;
import io.vclip.trainer.model.layers.NamedBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * X-CLIP's video-specific prompting ({@code prompt.py} plus {@code prompts_visual_ln/proj} of {@code
 * xclip.py}). The video's patch tokens go through {@code visual_ln} and {@code visual_proj} into the
 * joint space and are averaged over frames; text features then cross-attend to them (after {@code
 * norm}) through {@code prompt_layers} layers, and the result, scaled per dimension by {@code alpha}
 * (init 0.1), is the prompt added to the text feature.
 */
public final class VideoSpecificPromptGenerator extends NamedBlock {
  private static final float ALPHA_INIT = 0.1f;
  private final LayerNorm visualLn;
  private final Parameter visualProj;
  private final LayerNorm norm;
  private final List<PromptGeneratorLayer> layers = new ArrayList<>();
  private final Parameter alpha;
  private final long dim;

  public VideoSpecificPromptGenerator(int visionWidth, int dim, int layerCount, int heads) {
    this.dim = dim;
    visualLn = child("visual_ln", new LayerNorm(visionWidth));
    // The reference draws this from N(0, 1); the vision projection's W^-½ keeps the token scale equal to
    // the [CLS] feature scale at init.
    visualProj =
        param(
            "visual_proj",
            new Shape(visionWidth, dim),
            Parameter.Type.WEIGHT,
            new NormalInitializer((float) Math.pow(visionWidth, -0.5)));
    norm = child("norm", new LayerNorm(dim));
    for (int i = 0; i < layerCount; i++) {
      layers.add(child("layers." + i, new PromptGeneratorLayer(dim, heads)));
    }
    alpha = param("alpha", new Shape(dim), Parameter.Type.WEIGHT, new ConstantInitializer(ALPHA_INIT));
  }

  /** patchTokens (B·T, G, W) → visual tokens (B, G, D), averaged over the T frames of each clip. */
  public NDArray visualTokens(ParameterStore ps, NDArray patchTokens, int frames, boolean training) {
    long bt = patchTokens.getShape().get(0);
    long g = patchTokens.getShape().get(1);
    NDArray projected =
        visualLn.apply(ps, patchTokens, training).matMul(value(ps, visualProj, patchTokens, training));
    return projected.reshape(bt / frames, frames, g, dim).mean(new int[] {1});
  }

  /** text (B, N, D) conditioned on visual (B, G, D) → the prompt (B, N, D) to add to the text. */
  public NDArray prompt(ParameterStore ps, NDArray text, NDArray visual, boolean training) {
    NDArray memory = norm.apply(ps, visual, training);
    NDArray x = text;
    for (PromptGeneratorLayer layer : layers) {
      x = layer.apply(ps, x, memory, training);
    }
    return x.mul(value(ps, alpha, text, training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(prompt(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
