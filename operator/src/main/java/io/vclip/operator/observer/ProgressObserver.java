package io.vclip.operator.observer;

import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.v1alpha1.CheckpointRef;
import io.vclip.crds.v1alpha1.VideoClipTrainingStatus;

/**
 * Folds what rank 0 reported in its termination message into the status. Rank 0 is the only writer: every
 * rank sees the same all-reduced loss, and rank 0 commits the checkpoint manifest.
 */
public final class ProgressObserver {

  private ProgressObserver() {}

  public static void fold(PodGroupObservation group, VideoClipTrainingStatus status) {
    group.rank0()
        .flatMap(rank0 -> TerminationReport.parse(rank0.terminationMessage()))
        .ifPresent(report -> fold(report, status));
  }

  static void fold(TerminationReport report, VideoClipTrainingStatus status) {
    if (report.step() != null) {
      status.setCurrentStep(report.step());
    }
    if (report.loss() != null) {
      status.setLatestLoss(report.loss());
    }
    if (report.samplesPerSecond() != null) {
      status.setSamplesPerSecond(report.samplesPerSecond());
    }
    var checkpoint = report.checkpoint();
    if (checkpoint != null && checkpoint.step() != null && checkpoint.uri() != null) {
      CheckpointRef ref = new CheckpointRef();
      ref.setStep(checkpoint.step());
      ref.setUri(checkpoint.uri());
      ref.setTime(checkpoint.time());
      foldCheckpoint(ref, status);
    }
    status.setProgress(status.getCurrentStep() == null ? null : status.getCurrentStep() + "/" + status.getMaxSteps());
  }

  /** Keeps the newer of the known and the reported checkpoint (reports can arrive out of order). */
  public static void foldCheckpoint(CheckpointRef checkpoint, VideoClipTrainingStatus status) {
    CheckpointRef known = status.getLastCheckpoint();
    if (known == null || known.getStep() == null || checkpoint.getStep() > known.getStep()) {
      status.setLastCheckpoint(checkpoint);
    }
  }
}
