package io.vclip.crds.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the field errors of one validation pass. */
final class Problems {

  private final List<FieldError> errors = new ArrayList<>();

  void add(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  /** Adds the error unless {@code ok}. */
  void check(boolean ok, String path, String message) {
    if (!ok) {
      add(path, message);
    }
  }

  List<FieldError> errors() {
    return List.copyOf(errors);
  }
}
