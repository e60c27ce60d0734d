package io.vclip.trainer.train;

import io.vclip.crds.v1alpha1.CheckpointSpec;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.trainer.storage.S3Uri;
import java.nio.file.Path;

/**
 * Where a run's training and held-out shards and its checkpoints live. Synthetic data sets live in
 * the checkpoint store under {@code datasets/<name>/}, so every rank (and a later eval) finds them.
 *
 * @param checkpoints the store root that holds {@code <job>/step-N/} folders
 */
public record DataLocations(String train, String eval, String checkpoints) {

  public static DataLocations of(VideoClipTrainingSpec spec, Path outputDir) {
    String root = storeRoot(spec.getCheckpoint(), outputDir);
    if (spec.getData().getSynthetic() != null) {
      String name = SyntheticDataset.name(spec.getData().getSynthetic(), spec.getModel().getFrames(),
          rankingLength(spec));
      String base = join(root, "datasets/" + name);
      return new DataLocations(join(base, "train"), join(base, "eval"), root);
    }
    return new DataLocations(spec.getData().getShards(), spec.getData().getEvalShards(), root);
  }

  /**
   * Texts per stored DDR/HDR sequence (the original plus {@code steps} edits, the longer of the two):
   * the synthetic world stores sequences that long.
   */
  public static int rankingLength(VideoClipTrainingSpec spec) {
    return 1 + Math.max(spec.getObjective().getDdr().getSteps(), spec.getObjective().getHdr().getSteps());
  }

  static String storeRoot(CheckpointSpec checkpoint, Path outputDir) {
    if (checkpoint == null || checkpoint.getStore() == null) {
      return outputDir.resolve("store").toString();
    }
    return S3Uri.SCHEME + checkpoint.getStore().getBucket() + "/" + checkpoint.getStore().getPrefix();
  }

  private static String join(String base, String child) {
    return base.endsWith("/") ? base + child : base + "/" + child;
  }
}
