package io.vclip.trainer.model.weights;

import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.TextConfig;
import java.util.List;
import java.util.Set;

/**
 * OpenAI CLIP's state-dict names ({@code clip.load(...).state_dict()} saved as safetensors). Our names
 * were chosen to follow these, so most rows are renames of the layer list ({@code
 * transformer.resblocks.N} → {@code blocks.N}); the 77-row text position table is stretched to 248.
 */
public final class OpenAiClipFormat implements CheckpointFormat {
  public static final String ID = "openai-clip";

  /** Integers OpenAI's JIT archives keep in the state dict ({@code build_model} deletes them too). */
  static final Set<String> METADATA = Set.of("input_resolution", "context_length", "vocab_size");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<TensorRule> rules(ModelConfig config) {
    NameTable table = new NameTable();
    visionTower(table, config);
    textTower(table, config);
    textPositions(table, config, "positional_embedding", "positional_embedding");
    table.rule("logit_scale", "logit_scale", TensorTransform.reshape());
    return table.rules();
  }

  @Override
  public boolean isBuffer(String sourceName) {
    return METADATA.contains(sourceName);
  }

  static void visionTower(NameTable t, ModelConfig config) {
    t.same("vision.conv1.weight", "visual.conv1.weight")
        .same("vision.class_embedding", "visual.class_embedding")
        .same("vision.positional_embedding", "visual.positional_embedding")
        .sameWeightAndBias("vision.ln_pre", "visual.ln_pre");
    for (int i = 0; i < config.vision().layers(); i++) {
      residualBlock(t, "vision.blocks." + i, "visual.transformer.resblocks." + i);
    }
    t.sameWeightAndBias("vision.ln_post", "visual.ln_post").same("vision.proj", "visual.proj");
  }

  /** The text tower without its position table (which Long-CLIP stores differently). */
  static void textTower(NameTable t, ModelConfig config) {
    t.same("text.token_embedding.weight", "token_embedding.weight");
    for (int i = 0; i < config.text().layers(); i++) {
      residualBlock(t, "text.blocks." + i, "transformer.resblocks." + i);
    }
    t.sameWeightAndBias("text.ln_final", "ln_final").same("text.text_projection", "text_projection");
  }

  static void textPositions(NameTable t, ModelConfig config, String keptSource, String stretchedSource) {
    int ctx = config.text().contextLength();
    int kept = TextConfig.KEPT_POSITIONS;
    t.rule("text.positional_embedding.kept", keptSource, TensorTransform.textPositions(0, kept, ctx));
    t.rule(
        "text.positional_embedding.stretched", stretchedSource, TensorTransform.textPositions(kept, ctx, ctx));
  }

  /** CLIP's {@code ResidualAttentionBlock}: ln_1, attn (packed in_proj), ln_2, mlp (c_fc, c_proj). */
  static void residualBlock(NameTable t, String ours, String theirs) {
    t.sameWeightAndBias(ours + ".ln_1", theirs + ".ln_1");
    attention(t, ours + ".attn", theirs + ".attn");
    t.sameWeightAndBias(ours + ".ln_2", theirs + ".ln_2")
        .sameWeightAndBias(ours + ".mlp.c_fc", theirs + ".mlp.c_fc")
        .sameWeightAndBias(ours + ".mlp.c_proj", theirs + ".mlp.c_proj");
  }

  /** PyTorch {@code nn.MultiheadAttention}: in_proj_weight/bias and out_proj. */
  static void attention(NameTable t, String ours, String theirs) {
    t.same(ours + ".in_proj_weight", theirs + ".in_proj_weight")
        .same(ours + ".in_proj_bias", theirs + ".in_proj_bias")
        .sameWeightAndBias(ours + ".out_proj", theirs + ".out_proj");
  }
}
