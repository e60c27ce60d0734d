package io.vclip.trainer;

/** Bad input a user can fix (a file, a field, a flag); the message names what is wrong and where. */
public class VclipUserException extends RuntimeException {
  public VclipUserException(String message) {
    super(message);
  }

  public VclipUserException(String message, Throwable cause) {
    super(message, cause);
  }
}
