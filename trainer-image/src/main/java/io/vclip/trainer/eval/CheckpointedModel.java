package io.vclip.trainer.eval;

import ai.djl.ndarray.NDManager;
import io.vclip.trainer.checkpoint.CheckpointStore;
import io.vclip.trainer.checkpoint.DjlParameters;
import io.vclip.trainer.checkpoint.Manifest;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.storage.ObjectStore;

/** A model rebuilt from the newest committed checkpoint of a job (replicated parameters from rank 0's shard). */
public final class CheckpointedModel {
  private CheckpointedModel() {}

  /** @return the manifest the model came from */
  public static Manifest load(VideoClipModel model, ObjectStore store, String job) {
    CheckpointStore checkpoints = new CheckpointStore(store, job, Integer.MAX_VALUE);
    Manifest manifest = checkpoints.latest().orElseThrow(() -> new IllegalArgumentException(
        "no committed checkpoint of job '" + job + "' under " + store.location()));
    DjlParameters.load(model, checkpoints.restore(manifest, 0, 1).model());
    return manifest;
  }

  public static VideoClipModel fresh(ModelConfig config, NDManager manager) {
    return new VideoClipModel(config).initialize(manager);
  }
}
