package io.vclip.trainer.data.shard;

import java.util.Locale;

/**
 * The WebDataset naming rule: a file {@code dir/key.ext1.ext2} belongs to sample {@code dir/key};
 * the key ends at the first dot of the file's base name, so keys themselves hold no dots.
 */
public final class SampleKeys {
  private SampleKeys() {}

  public static String keyOf(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.indexOf('.', slash + 1);
    return dot < 0 ? path : path.substring(0, dot);
  }

  public static String extensionOf(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.indexOf('.', slash + 1);
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** A usable key from any name (a video id, a file name): dots and odd characters become '_'. */
  public static String sanitise(String name) {
    String key = name.replaceAll("[^A-Za-z0-9_\\-]", "_");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("cannot make a sample key from an empty name");
    }
    return key;
  }

  public static String frameFile(String key, int frame, String extension) {
    return String.format("%s.f%03d.%s", key, frame, extension);
  }

  public static void check(String key) {
    if (key == null || key.isEmpty() || !key.equals(sanitise(key))) {
      throw new IllegalArgumentException("sample key '" + key + "' must be non-empty and use only [A-Za-z0-9_-]");
    }
  }
}
