package io.vclip.trainer.model;

import io.vclip.trainer.VclipUserException;

/** Validation helpers for the config records: each failure names the field (snake_case, as in YAML). */
final class ConfigCheck {
  private ConfigCheck() {}

  static void positive(String field, long value) {
    if (value <= 0) {
      throw new VclipUserException("model config: " + field + " must be > 0, got " + value);
    }
  }

  static void require(boolean ok, String field, String message) {
    if (!ok) {
      throw new VclipUserException("model config: " + field + " " + message);
    }
  }
}
