package io.vclip.trainer.data.shard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.trainer.storage.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code shards.json}, the data set's manifest: the complete shards in order with their sample
 * counts. A shard is listed only after its upload finished, so the index is the commit point for
 * readers and for a resumed pack. Loaders need the counts to split the sample stream between ranks
 * without opening every shard.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShardIndex(
    @JsonProperty("format") String format,
    @JsonProperty("frames_per_sample") int framesPerSample,
    @JsonProperty("frame_format") String frameFormat,
    @JsonProperty("shards") List<ShardEntry> shards) {

  public static final String FILE_NAME = "shards.json";
  public static final String FORMAT = "vclip-webdataset-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public ShardIndex {
    shards = List.copyOf(shards == null ? List.of() : shards);
  }

  public static ShardIndex empty(int framesPerSample, String frameFormat) {
    return new ShardIndex(FORMAT, framesPerSample, frameFormat, List.of());
  }

  @JsonIgnore
  public long totalSamples() {
    return shards.stream().mapToLong(ShardEntry::samples).sum();
  }

  public ShardIndex with(ShardEntry entry) {
    List<ShardEntry> all = new ArrayList<>(shards);
    all.add(entry);
    return new ShardIndex(format, framesPerSample, frameFormat, all);
  }

  public static String shardName(int number) {
    return String.format("shard-%06d.tar", number);
  }

  /** Reads the index under the store's root, or empty when there is none yet. */
  public static Optional<ShardIndex> find(ObjectStore store) {
    if (!store.exists(FILE_NAME)) {
      return Optional.empty();
    }
    return Optional.of(read(store));
  }

  public static ShardIndex read(ObjectStore store) {
    if (!store.exists(FILE_NAME)) {
      throw new IllegalArgumentException("no data set at " + store.location() + ": " + FILE_NAME + " is missing");
    }
    try {
      ShardIndex index = JSON.readValue(store.get(FILE_NAME), ShardIndex.class);
      if (!FORMAT.equals(index.format())) {
        throw new IllegalArgumentException(store.location() + "/" + FILE_NAME + ": format is '" + index.format()
            + "', expected '" + FORMAT + "'");
      }
      return index;
    } catch (IOException e) {
      throw new IllegalArgumentException(store.location() + "/" + FILE_NAME + " is not a valid shard index: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  public void write(ObjectStore store) {
    try {
      store.put(FILE_NAME, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    } catch (IOException e) {
      throw new IllegalStateException("serialising the shard index failed", e);
    }
  }
}
