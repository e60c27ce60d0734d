package io.vclip.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tower sizes against OpenAI CLIP's published checkpoints. Reference: the state dicts of {@code
 * clip.load("ViT-B/32")} and {@code clip.load("ViT-B/16")} hold 151,277,313 and 149,620,737 parameters
 * (visual 87,849,216 / 86,192,640; text 63,428,096 at 77 positions; logit_scale 1). Our text tower has
 * 248 positions, i.e. (248 − 77) × 512 = 87,552 more.
 */
class ParameterCountsTest {
  private static final long B32_TOTAL = 151_277_313L;
  private static final long B16_TOTAL = 149_620_737L;
  private static final long B32_VISUAL = 87_849_216L;
  private static final long B16_VISUAL = 86_192_640L;
  private static final long TEXT_77 = 63_428_096L;
  private static final long EXTRA_POSITIONS = (248 - 77) * 512L;

  @Test
  void vitB32TowersMatchPublishedClip() {
    ParameterCounts c = new VideoClipModel(ModelPresets.get("ViT-B/32", 8)).parameterCounts();
    assertThat(c.visionTower()).isEqualTo(B32_VISUAL);
    assertThat(c.textTower()).isEqualTo(TEXT_77 + EXTRA_POSITIONS);
    assertThat(c.logitScale()).isEqualTo(1);
    assertThat(c.clipTotal()).isEqualTo(B32_TOTAL + EXTRA_POSITIONS);
    assertThat(c.xclipAdditions()).isEqualTo(xclipAdditions(768, 12, 512, 8, 1, 2));
    assertThat(c.frozen()).isEqualTo(20 * 512L);
  }

  @Test
  void vitB16TowersMatchPublishedClip() {
    ParameterCounts c = new VideoClipModel(ModelPresets.get("ViT-B/16", 16)).parameterCounts();
    assertThat(c.visionTower()).isEqualTo(B16_VISUAL);
    assertThat(c.textTower()).isEqualTo(TEXT_77 + EXTRA_POSITIONS);
    assertThat(c.clipTotal()).isEqualTo(B16_TOTAL + EXTRA_POSITIONS);
    assertThat(c.xclipAdditions()).isEqualTo(xclipAdditions(768, 12, 512, 16, 1, 2));
  }

  @Test
  void switchingPartsOffRemovesExactlyTheirParameters() {
    ModelConfig full = ModelPresets.get("ViT-B/32", 8);
    ParameterCounts off = new VideoClipModel(full.withXClip(XClipConfig.off(8))).parameterCounts();
    assertThat(off.xclipAdditions()).isZero();
    assertThat(off.total()).isEqualTo(B32_TOTAL + EXTRA_POSITIONS);
  }

  /**
   * X-CLIP's new parameters from the layer shapes of its reference code (vision width w, L layers,
   * embed d, T frames): per layer message_fc w²+w, message_ln 2w, message_attn 4w²+4w; MIT T·d +
   * layers·(12d²+13d); prompts visual_ln 2w, visual_proj w·d, norm 2d, alpha d, per layer 12d²+10d.
   */
  private static long xclipAdditions(long w, long layers, long d, long t, long mitLayers, long promptLayers) {
    long cct = layers * ((w * w + w) + 2 * w + (4 * w * w + 4 * w));
    long mit = t * d + mitLayers * (12 * d * d + 13 * d);
    long prompts = 2 * w + w * d + 2 * d + d + promptLayers * (12 * d * d + 10 * d);
    return cct + mit + prompts;
  }
}
