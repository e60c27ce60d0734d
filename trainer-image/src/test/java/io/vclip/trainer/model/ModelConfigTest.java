package io.vclip.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.VclipUserException;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
  @Test
  void invalidFieldsAreNamed() {
    assertThatThrownBy(() -> new VisionConfig(32, 7, 64, 2, 2))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining("vision.patch_size");
    assertThatThrownBy(() -> new VisionConfig(32, 8, 64, 2, 3))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining("vision.heads");
    assertThatThrownBy(() -> new TextConfig(100, 20, 64, 2, 2))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining("text.context_length");
    assertThatThrownBy(() -> new TextConfig(0, 248, 64, 2, 2))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining("text.vocab_size");
    assertThatThrownBy(() -> new XClipConfig(0, true, true, 1, true, 2, 0f))
        .hasMessageContaining("xclip.frames");
    assertThatThrownBy(() -> new XClipConfig(8, true, true, 1, true, 2, 1.5f))
        .hasMessageContaining("xclip.drop_path");
    assertThatThrownBy(() -> new XClipConfig(8, true, true, 0, true, 2, 0f))
        .hasMessageContaining("xclip.mit_layers");
    assertThatThrownBy(() -> ModelPresets.tiny(8, 64).withXClip(XClipConfig.full(8)).withEmbedDim(0))
        .hasMessageContaining("embed_dim");
  }

  @Test
  void presetsAreKnownByNameAndUnknownNamesListTheChoices() {
    assertThat(ModelPresets.get("ViT-L/14", 16).xclip().frames()).isEqualTo(16);
    assertThat(ModelPresets.get("ViT-B/16", 8).vision().patches()).isEqualTo(196);
    assertThat(ModelPresets.get("tiny", 8).text().contextLength()).isEqualTo(248);
    assertThatThrownBy(() -> ModelPresets.get("ViT-H/14", 8))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining("ViT-H/14")
        .hasMessageContaining("ViT-B/32");
  }
}
