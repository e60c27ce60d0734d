package io.vclip.trainer.data.shard;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One complete shard in the index. {@code lastKey} lets a resumed pack skip the inputs it already
 * wrote (inputs are packed in key order).
 */
public record ShardEntry(
    @JsonProperty("name") String name,
    @JsonProperty("samples") int samples,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("first_key") String firstKey,
    @JsonProperty("last_key") String lastKey) {}
