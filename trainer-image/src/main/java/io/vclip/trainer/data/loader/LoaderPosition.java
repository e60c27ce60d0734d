package io.vclip.trainer.data.loader;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where one rank's loader stands, for checkpoints: the epoch, how many records of the epoch's
 * shuffled stream it has taken (bad ones included, so the count is exact), and how many batches
 * it has returned in the epoch, and how many batch slots it filled by repetition after its records
 * ran dry ({@link PaddingSource}; 0 unless records were bad). Each rank saves its own.
 */
public record LoaderPosition(
    @JsonProperty("epoch") int epoch,
    @JsonProperty("samples_consumed") long samplesConsumed,
    @JsonProperty("batches") long batches,
    @JsonProperty("padded") long padded) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final LoaderPosition START = new LoaderPosition(0, 0, 0, 0);

  public LoaderPosition {
    if (epoch < 0 || samplesConsumed < 0 || batches < 0 || padded < 0) {
      throw new IllegalArgumentException("loader position fields must be >= 0: epoch " + epoch
          + ", samples_consumed " + samplesConsumed + ", batches " + batches + ", padded " + padded);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LoaderPosition fromJson(String json) {
    try {
      return JSON.readValue(json, LoaderPosition.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a loader position: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
