package io.vclip.trainer.storage;

/** Joining of '/'-separated object keys, so no caller builds "a//b" or a leading slash by hand. */
final class ObjectKeys {
  private ObjectKeys() {}

  static String join(String prefix, String child) {
    String p = trimSlashes(prefix);
    String c = child.startsWith("/") ? child.substring(1) : child;
    return p.isEmpty() ? c : p + "/" + c;
  }

  static String trimSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') start++;
    while (end > start && s.charAt(end - 1) == '/') end--;
    return s.substring(start, end);
  }
}
