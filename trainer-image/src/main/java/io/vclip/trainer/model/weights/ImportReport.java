package io.vclip.trainer.model.weights;

import java.util.List;

/**
 * What an import did, by tensor name.
 *
 * @param loaded our parameters that received checkpoint values
 * @param missing checkpoint tensors a rule needed but the file lacks ("source (for target)")
 * @param unexpected checkpoint tensors no rule used
 * @param misShaped tensors whose shape does not fit the target parameter
 * @param notInFormat our parameters this format does not cover (left at their initial values, e.g. the
 *     X-CLIP additions when starting from plain CLIP)
 */
public record ImportReport(
    String format,
    List<String> loaded,
    List<String> missing,
    List<String> unexpected,
    List<MisShaped> misShaped,
    List<String> notInFormat) {

  /** A tensor that exists but cannot fill its parameter. */
  public record MisShaped(String source, String target, String found, String expected) {
    @Override
    public String toString() {
      return source + " -> " + target + ": found " + found + ", expected " + expected;
    }
  }

  /** No missing and no mis-shaped tensors: every covered parameter was filled. */
  public boolean isComplete() {
    return missing.isEmpty() && misShaped.isEmpty();
  }

  /** A human-readable report, one tensor per line under each heading. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("import (").append(format).append("): ").append(loaded.size()).append(" parameters loaded, ");
    sb.append(missing.size()).append(" missing, ").append(unexpected.size()).append(" unexpected, ");
    sb.append(misShaped.size()).append(" mis-shaped, ");
    sb.append(notInFormat.size()).append(" not in this format (kept at init)\n");
    section(sb, "missing", missing);
    section(sb, "unexpected", unexpected);
    section(sb, "mis-shaped", misShaped.stream().map(MisShaped::toString).toList());
    section(sb, "not in this format (kept at init)", notInFormat);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    sb.append(title).append(":\n");
    names.forEach(n -> sb.append("  ").append(n).append('\n'));
  }
}
