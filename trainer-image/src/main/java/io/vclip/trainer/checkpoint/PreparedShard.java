package io.vclip.trainer.checkpoint;

import java.nio.file.Path;

/**
 * A rank's shard serialised to a local file (the snapshot of its state at {@code step}), ready to upload.
 * The training loop may change its tensors as soon as this exists.
 */
public record PreparedShard(long step, int rank, int worldSize, Path file, long size, String sha256) {
  ShardInfo info() {
    return new ShardInfo(rank, CheckpointLayout.shardName(rank, worldSize), size, sha256);
  }
}
