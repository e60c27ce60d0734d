package io.vclip.trainer.model.weights;

import io.vclip.trainer.model.ModelConfig;
import java.util.List;

/**
 * Hugging Face {@code CLIPModel} names ({@code model.safetensors} of e.g. openai/clip-vit-base-patch32).
 * Differences from OpenAI: separate q/k/v projections (packed here into in_proj, rows q|k|v), {@code
 * nn.Linear} projections {@code visual_projection}/{@code text_projection} stored transposed, and
 * renamed norms (including HF's own spelling {@code pre_layrnorm}).
 */
public final class HfClipFormat implements CheckpointFormat {
  public static final String ID = "hf-clip";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<TensorRule> rules(ModelConfig config) {
    NameTable t = new NameTable();
    String v = "vision_model.";
    t.same("vision.conv1.weight", v + "embeddings.patch_embedding.weight")
        .same("vision.class_embedding", v + "embeddings.class_embedding")
        .same("vision.positional_embedding", v + "embeddings.position_embedding.weight")
        .sameWeightAndBias("vision.ln_pre", v + "pre_layrnorm");
    for (int i = 0; i < config.vision().layers(); i++) {
      encoderLayer(t, "vision.blocks." + i, v + "encoder.layers." + i);
    }
    t.sameWeightAndBias("vision.ln_post", v + "post_layernorm")
        .rule("vision.proj", "visual_projection.weight", TensorTransform.transpose());

    String x = "text_model.";
    t.same("text.token_embedding.weight", x + "embeddings.token_embedding.weight");
    OpenAiClipFormat.textPositions(
        t, config, x + "embeddings.position_embedding.weight", x + "embeddings.position_embedding.weight");
    for (int i = 0; i < config.text().layers(); i++) {
      encoderLayer(t, "text.blocks." + i, x + "encoder.layers." + i);
    }
    t.sameWeightAndBias("text.ln_final", x + "final_layer_norm")
        .rule("text.text_projection", "text_projection.weight", TensorTransform.transpose())
        .rule("logit_scale", "logit_scale", TensorTransform.reshape());
    return t.rules();
  }

  /** {@code CLIPEncoderLayer}: layer_norm1, self_attn (q/k/v/out_proj), layer_norm2, mlp (fc1, fc2). */
  private static void encoderLayer(NameTable t, String ours, String theirs) {
    String a = theirs + ".self_attn.";
    t.sameWeightAndBias(ours + ".ln_1", theirs + ".layer_norm1")
        .rule(
            ours + ".attn.in_proj_weight",
            List.of(a + "q_proj.weight", a + "k_proj.weight", a + "v_proj.weight"),
            TensorTransform.concatRows())
        .rule(
            ours + ".attn.in_proj_bias",
            List.of(a + "q_proj.bias", a + "k_proj.bias", a + "v_proj.bias"),
            TensorTransform.concatRows())
        .sameWeightAndBias(ours + ".attn.out_proj", a + "out_proj")
        .sameWeightAndBias(ours + ".ln_2", theirs + ".layer_norm2")
        .sameWeightAndBias(ours + ".mlp.c_fc", theirs + ".mlp.fc1")
        .sameWeightAndBias(ours + ".mlp.c_proj", theirs + ".mlp.fc2");
  }

  /** Older exports carry the integer {@code position_ids} buffers. */
  @Override
  public boolean isBuffer(String sourceName) {
    return sourceName.endsWith("embeddings.position_ids");
  }
}
