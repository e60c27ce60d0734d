package io.vclip.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Parameter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGroupsTest {
  private final Map<String, Parameter> named = new VideoClipModel(ModelPresets.tiny(8, 64)).namedParameters();

  @Test
  void xclipAdditionsAreTheMessageMitAndPromptParametersOnly() {
    Map<String, Parameter> added = ParameterGroups.xclipAdditions(named);
    assertThat(added)
        .containsKeys(
            "vision.blocks.0.message_fc.weight",
            "vision.blocks.1.message_attn.in_proj_weight",
            "mit.positional_embedding",
            "mit.blocks.0.attn.in_proj_weight",
            "prompts.visual_proj",
            "prompts.layers.1.cross_attn.q_proj.weight",
            "prompts.alpha")
        .doesNotContainKeys("vision.blocks.0.attn.in_proj_weight", "vision.proj", "text.text_projection", "logit_scale");
    assertThat(added.keySet()).allMatch(n -> n.contains("message_") || n.startsWith("mit.") || n.startsWith("prompts."));
  }

  @Test
  void normsBiasesEmbeddingsAndScalarsTakeNoWeightDecay() {
    Map<String, Parameter> noDecay = ParameterGroups.noWeightDecay(named);
    assertThat(noDecay)
        .containsKeys(
            "vision.ln_pre.weight",
            "vision.blocks.0.attn.in_proj_bias",
            "vision.class_embedding",
            "vision.positional_embedding",
            "text.token_embedding.weight",
            "text.positional_embedding.stretched",
            "mit.positional_embedding",
            "prompts.alpha",
            "logit_scale")
        .doesNotContainKeys(
            "vision.blocks.0.attn.in_proj_weight",
            "vision.conv1.weight",
            "text.text_projection",
            // frozen: not in any optimizer group
            "text.positional_embedding.kept");
  }
}
