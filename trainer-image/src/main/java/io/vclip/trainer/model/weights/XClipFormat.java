package io.vclip.trainer.model.weights;

import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.XClipConfig;
import java.util.List;

/**
 * Released X-CLIP checkpoints (the {@code model} state dict, saved as safetensors): OpenAI CLIP naming
 * plus the message tokens inside {@code visual.transformer.resblocks.N}, {@code mit.*}, {@code
 * prompts_visual_ln/proj} and {@code prompts_generator.*}. Only the parts switched on in the config are
 * mapped; the rest of the file is reported as unexpected.
 */
public final class XClipFormat implements CheckpointFormat {
  public static final String ID = "xclip";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean isBuffer(String sourceName) {
    return OpenAiClipFormat.METADATA.contains(sourceName);
  }

  @Override
  public List<TensorRule> rules(ModelConfig config) {
    XClipConfig x = config.xclip();
    NameTable t = new NameTable();
    OpenAiClipFormat.visionTower(t, config);
    if (x.crossFrameAttention()) {
      for (int i = 0; i < config.vision().layers(); i++) {
        String ours = "vision.blocks." + i;
        String theirs = "visual.transformer.resblocks." + i;
        t.sameWeightAndBias(ours + ".message_fc", theirs + ".message_fc")
            .sameWeightAndBias(ours + ".message_ln", theirs + ".message_ln");
        OpenAiClipFormat.attention(t, ours + ".message_attn", theirs + ".message_attn");
      }
    }
    if (x.mit()) {
      t.rule("mit.positional_embedding", "mit.positional_embedding", TensorTransform.reshape());
      for (int i = 0; i < x.mitLayers(); i++) {
        OpenAiClipFormat.residualBlock(t, "mit.blocks." + i, "mit.resblocks." + i);
      }
    }
    if (x.prompts()) {
      t.sameWeightAndBias("prompts.visual_ln", "prompts_visual_ln")
          .same("prompts.visual_proj", "prompts_visual_proj")
          .sameWeightAndBias("prompts.norm", "prompts_generator.norm")
          .same("prompts.alpha", "prompts_generator.alpha");
      for (int i = 0; i < x.promptLayers(); i++) {
        String ours = "prompts.layers." + i;
        String theirs = "prompts_generator.decoder." + i;
        t.sameWeightAndBias(ours + ".norm1", theirs + ".norm1")
            .same(ours + ".cross_attn.q_proj.weight", theirs + ".cross_attn.q_proj.weight")
            .same(ours + ".cross_attn.k_proj.weight", theirs + ".cross_attn.k_proj.weight")
            .same(ours + ".cross_attn.v_proj.weight", theirs + ".cross_attn.v_proj.weight")
            .sameWeightAndBias(ours + ".cross_attn.proj", theirs + ".cross_attn.proj")
            .sameWeightAndBias(ours + ".norm3", theirs + ".norm3")
            // nn.Sequential(Linear, QuickGELU, Dropout, Linear): indices 0 and 3.
            .sameWeightAndBias(ours + ".mlp.c_fc", theirs + ".mlp.0")
            .sameWeightAndBias(ours + ".mlp.c_proj", theirs + ".mlp.3");
      }
    }
    OpenAiClipFormat.textTower(t, config);
    OpenAiClipFormat.textPositions(t, config, "positional_embedding", "positional_embedding");
    t.rule("logit_scale", "logit_scale", TensorTransform.reshape());
    return t.rules();
  }
}
