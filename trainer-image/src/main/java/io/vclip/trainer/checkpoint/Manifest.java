package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code manifest.json} of one step: written last, after every shard is uploaded, so its presence is
 * the commit point. Lists each shard with size and SHA-256 so a reader can tell a complete checkpoint
 * from a corrupt one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Manifest(
    int format,
    String job,
    long step,
    int worldSize,
    String createdAt,
    TrainingProgress progress,
    List<ShardInfo> shards) {

  public static final int FORMAT = 1;

  public Manifest {
    shards = List.copyOf(shards);
  }

  public long totalBytes() {
    return shards.stream().mapToLong(ShardInfo::size).sum();
  }
}
