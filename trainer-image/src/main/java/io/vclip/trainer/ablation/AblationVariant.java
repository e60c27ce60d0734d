package io.vclip.trainer.ablation;

import io.vclip.crds.v1alpha1.VideoClipTraining;

/**
 * One row of the ablation: a complete training resource that differs from the base spec only in
 * {@code spec.objective} and in its name (so each variant gets its own checkpoints and run folder).
 *
 * @param id short name, also the suffix of the job name ({@code <base>-<id>})
 * @param label what the row trains, as the table shows it
 */
public record AblationVariant(String id, String label, VideoClipTraining training) {
  public String job() {
    return training.getMetadata().getName();
  }
}
