package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One rank's shard as the manifest lists it: the object key (relative to the step folder), size and SHA-256. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShardInfo(int rank, String key, long size, String sha256) {}
