package io.vclip.operator.reconciler;

import io.vclip.crds.v1alpha1.VideoClipTraining;

/**
 * Run ids: deterministic per (resource, attempt), so a repeated reconcile names the same run, and unique
 * across a delete and re-create of the same name (the uid differs), so telemetry of two runs never mixes.
 */
final class RunIds {

  private RunIds() {}

  static String of(VideoClipTraining training, int attempt) {
    String uid = training.getMetadata().getUid();
    String prefix = uid == null ? "local" : uid.replace("-", "").substring(0, Math.min(8, uid.replace("-", "").length()));
    return prefix + "-" + attempt;
  }
}
