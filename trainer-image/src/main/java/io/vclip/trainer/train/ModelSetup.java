package io.vclip.trainer.train;

import io.vclip.crds.v1alpha1.ModelSpec;
import io.vclip.crds.v1alpha1.Preset;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.ModelPresets;

/** The model architecture a spec asks for: a preset, its frame count and the X-CLIP switches. */
public final class ModelSetup {
  private ModelSetup() {}

  /**
   * @param vocabularySize rows of the token embedding the tokenizer needs (the tiny preset sizes
   *     itself to it; CLIP presets keep CLIP's 49,408)
   */
  public static ModelConfig config(ModelSpec spec, int vocabularySize) {
    ModelConfig base = spec.getPreset() == Preset.TINY
        ? ModelPresets.tiny(spec.getFrames(), vocabularySize)
        : ModelPresets.get(presetName(spec.getPreset()), spec.getFrames());
    return base.withXClip(base.xclip().withParts(spec.isCrossFrameAttention(), spec.isMit(), spec.isPrompts()));
  }

  static String presetName(Preset p) {
    return switch (p) {
      case TINY -> ModelPresets.TINY;
      case VIT_B_32 -> ModelPresets.VIT_B_32;
      case VIT_B_16 -> ModelPresets.VIT_B_16;
      case VIT_L_14 -> ModelPresets.VIT_L_14;
    };
  }
}
