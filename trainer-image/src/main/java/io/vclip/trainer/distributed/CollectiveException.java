package io.vclip.trainer.distributed;

/** A collective failed: a peer died or closed its connection, or the operation timed out. */
public class CollectiveException extends RuntimeException {
  public CollectiveException(String message) {
    super(message);
  }

  public CollectiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
