package io.vclip.trainer.checkpoint;

/** A checkpoint could not be written or read; the message names the step, shard or object. */
public class CheckpointException extends RuntimeException {
  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
