package io.vclip.trainer.data.shard;

/** A sample that cannot be used; the message says why, {@link #key()} which one. */
public final class BadSampleException extends Exception {
  private final String key;

  public BadSampleException(String key, String reason) {
    super(reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
