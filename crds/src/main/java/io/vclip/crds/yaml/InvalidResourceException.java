package io.vclip.crds.yaml;

/** A resource file that cannot be read as a vclip resource; the message names the file and the field. */
public class InvalidResourceException extends RuntimeException {

  public InvalidResourceException(String message) {
    super(message);
  }

  public InvalidResourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
