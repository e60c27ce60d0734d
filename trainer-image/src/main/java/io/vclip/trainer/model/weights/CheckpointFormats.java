package io.vclip.trainer.model.weights;

import io.vclip.trainer.VclipUserException;
import java.util.List;

/** The formats {@code vclip model import} understands, by {@code --format} id. */
public final class CheckpointFormats {
  private static final List<CheckpointFormat> ALL =
      List.of(new HfClipFormat(), new OpenAiClipFormat(), new LongClipFormat(), new XClipFormat(), new VclipFormat());

  private CheckpointFormats() {}

  public static List<String> ids() {
    return ALL.stream().map(CheckpointFormat::id).toList();
  }

  public static CheckpointFormat byId(String id) {
    return ALL.stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new VclipUserException("--format: unknown '" + id + "' (known: " + String.join(", ", ids()) + ")"));
  }
}
