package io.vclip.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import io.vclip.trainer.model.layers.NamedBlock;
import io.vclip.trainer.model.layers.NamedParameters;
import io.vclip.trainer.model.text.TextTransformer;
import io.vclip.trainer.model.vision.FrameEncoding;
import io.vclip.trainer.model.vision.VisionTransformer;
import io.vclip.trainer.model.xclip.MultiFrameIntegrationTransformer;
import io.vclip.trainer.model.xclip.VideoSpecificPromptGenerator;
import java.util.Map;

/**
 * The video CLIP model: an X-CLIP video encoder (CLIP ViT with cross-frame attention, MIT, prompts)
 * and a Long-CLIP text encoder (248 positions), with a learnable logit scale.
 *
 * <h2>API for the objective and the trainer</h2>
 *
 * <ul>
 *   <li>{@link #encodeVideo}: frames (B, T, 3, H, W) float, already CLIP-normalised → {@link
 *       VideoFeatures}: video feature (B, D), not normalised, plus the prompt generator's visual tokens.
 *   <li>{@link #encodeText}: token ids (N, L) int64 and end-of-text positions (N) int64 → (N, D).
 *   <li>{@link #promptPairwise}: text (Nt, D) × videos → (Nt, Bv, D): text i conditioned on video j, for
 *       the contrastive matrix. Costs Nt·Bv prompt-generator queries. With prompts off it broadcasts.
 *   <li>{@link #promptPaired}: text (B, m, D) → (B, m, D): sample b's m texts conditioned on video b
 *       (long/short captions, DDR/HDR variants). With prompts off it returns the input.
 *   <li>{@link #logitScale}: log of CLIP's inverse temperature (init ln(1/0.07)); the objective takes
 *       exp() and clamps at 100.
 *   <li>{@link #namedParameters}: every parameter by dotted name; {@link ParameterGroups} says which are
 *       X-CLIP additions (10× learning rate) and which take no weight decay.
 * </ul>
 *
 * <p>Each method has a form taking a {@link ParameterStore} and the training flag (drop path is active
 * only in training); the short forms use a plain store in inference mode. Call {@link
 * #initialize(NDManager, DataType, Shape...)} (or {@link #initialize(NDManager)}) once before use.
 */
public final class VideoClipModel extends NamedBlock {
  /** CLIP's initial temperature 0.07, stored as log(1/τ). */
  public static final float LOGIT_SCALE_INIT = (float) Math.log(1 / 0.07);

  private final ModelConfig config;
  private final VisionTransformer vision;
  private final MultiFrameIntegrationTransformer mit;
  private final VideoSpecificPromptGenerator prompts;
  private final TextTransformer text;
  private final Parameter logitScale;
  private ParameterStore defaultStore;

  public VideoClipModel(ModelConfig config) {
    this.config = config;
    XClipConfig x = config.xclip();
    int d = config.embedDim();
    vision = child("vision", new VisionTransformer(config.vision(), x, d));
    mit =
        x.mit()
            ? child(
                "mit", new MultiFrameIntegrationTransformer(x.frames(), d, x.mitLayers(), config.xclipHeads()))
            : null;
    prompts =
        x.prompts()
            ? child(
                "prompts",
                new VideoSpecificPromptGenerator(
                    config.vision().width(), d, x.promptLayers(), config.xclipHeads()))
            : null;
    text = child("text", new TextTransformer(config.text(), d));
    logitScale = param("logit_scale", new Shape(), Parameter.Type.WEIGHT, new ConstantInitializer(LOGIT_SCALE_INIT));
  }

  /** Allocates and initialises every parameter in float32 on the manager's device. */
  public VideoClipModel initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32);
    return this;
  }

  public ModelConfig config() {
    return config;
  }

  public VideoFeatures encodeVideo(NDArray frames) {
    return encodeVideo(store(frames), frames, false);
  }

  public VideoFeatures encodeVideo(ParameterStore ps, NDArray frames, boolean training) {
    Shape s = frames.getShape();
    if (s.dimension() != 5 || s.get(2) != 3) {
      throw new IllegalArgumentException("frames must be (B, T, 3, H, W), got " + s);
    }
    int b = (int) s.get(0);
    int t = (int) s.get(1);
    FrameEncoding perFrame = vision.encode(ps, frames.reshape(b * (long) t, 3, s.get(3), s.get(4)), t, training);
    NDArray features = perFrame.features().reshape(b, t, config.embedDim());
    NDArray video = mit != null ? mit.apply(ps, features, training) : features.mean(new int[] {1});
    NDArray tokens = prompts != null ? prompts.visualTokens(ps, perFrame.patchTokens(), t, training) : null;
    return new VideoFeatures(video, tokens);
  }

  public NDArray encodeText(NDArray tokenIds, NDArray eotIndex) {
    return encodeText(store(tokenIds), tokenIds, eotIndex, false);
  }

  public NDArray encodeText(ParameterStore ps, NDArray tokenIds, NDArray eotIndex, boolean training) {
    return text.encode(ps, tokenIds, eotIndex, training);
  }

  public NDArray promptPairwise(NDArray text, VideoFeatures v) {
    return promptPairwise(store(text), text, v, false);
  }

  /** text (Nt, D) → (Nt, Bv, D); entry [i, j] is text i prompted by video j. */
  public NDArray promptPairwise(ParameterStore ps, NDArray text, VideoFeatures v, boolean training) {
    long nt = text.getShape().get(0);
    long d = text.getShape().get(1);
    long bv = v.batchSize();
    if (prompts == null) {
      return text.expandDims(1).broadcast(nt, bv, d);
    }
    NDArray perVideo = text.expandDims(0).broadcast(bv, nt, d);
    NDArray prompted = perVideo.add(prompts.prompt(ps, perVideo, v.promptTokens(), training));
    return prompted.transpose(1, 0, 2);
  }

  public NDArray promptPaired(NDArray text, VideoFeatures v) {
    return promptPaired(store(text), text, v, false);
  }

  /** text (B, m, D) → (B, m, D); row b prompted by video b only. */
  public NDArray promptPaired(ParameterStore ps, NDArray text, VideoFeatures v, boolean training) {
    if (prompts == null) {
      return text;
    }
    return text.add(prompts.prompt(ps, text, v.promptTokens(), training));
  }

  /** log(1/τ), a scalar; the objective uses exp(min(·, ln 100)). */
  public NDArray logitScale() {
    return logitScale.getArray();
  }

  public NDArray logitScale(ParameterStore ps, NDArray like, boolean training) {
    return value(ps, logitScale, like, training);
  }

  /** Every parameter by its dotted name ({@code vision.blocks.0.attn.in_proj_weight}), in order. */
  public Map<String, Parameter> namedParameters() {
    return NamedParameters.of(this);
  }

  public ParameterCounts parameterCounts() {
    return ParameterCounts.of(namedParameters());
  }

  private ParameterStore store(NDArray like) {
    if (defaultStore == null) {
      defaultStore = new ParameterStore(like.getManager(), false);
    }
    return defaultStore;
  }

  /** inputs: frames (B, T, 3, H, W), token ids (N, L), eot (N) → video (B, D), text (N, D). */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    VideoFeatures v = encodeVideo(ps, inputs.get(0), training);
    return new NDList(v.video(), encodeText(ps, inputs.get(1), inputs.get(2), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long d = config.embedDim();
    return new Shape[] {new Shape(inputShapes[0].get(0), d), new Shape(inputShapes[1].get(0), d)};
  }
}
