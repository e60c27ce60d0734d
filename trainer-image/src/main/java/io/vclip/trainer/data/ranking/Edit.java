package io.vclip.trainer.data.ranking;

import java.util.List;

/**
 * One place an operator could change: delete tokens {@code [from, to)} (no options), or replace the
 * token at {@code from} with one of {@code options}.
 */
record Edit(String operator, int from, int to, List<String> options) {
  Edit {
    options = List.copyOf(options);
  }

  static Edit deletion(String operator, int from, int to) {
    return new Edit(operator, from, to, List.of());
  }

  static Edit replacement(String operator, int at, List<String> options) {
    return new Edit(operator, at, at + 1, options);
  }

  boolean isDeletion() {
    return options.isEmpty();
  }
}
