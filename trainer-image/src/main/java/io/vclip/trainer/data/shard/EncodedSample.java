package io.vclip.trainer.data.shard;

import java.util.Map;

/**
 * A sample as a tar shard holds it: its key and its files by extension ({@code "f000.jpg"},
 * {@code "json"}), still encoded. {@code readError} is set when the shard broke off inside it.
 */
public record EncodedSample(String shard, String key, Map<String, byte[]> files, String readError) {
  public EncodedSample {
    files = Map.copyOf(files);
  }

  /** A sample the shard should have held but did not (it ended early). */
  public static EncodedSample missing(String shard, String key, String reason) {
    return new EncodedSample(shard, key, Map.of(), reason);
  }
}
