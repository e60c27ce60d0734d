package io.vclip.crds.validation;

/** One problem of a resource, named by its path, e.g. {@code spec.optimization.globalBatchSize}. */
public record FieldError(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
