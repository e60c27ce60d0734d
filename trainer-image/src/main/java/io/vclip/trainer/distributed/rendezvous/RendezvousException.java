package io.vclip.trainer.distributed.rendezvous;

/** The group could not form: the master was unreachable, or a rank never registered in time. */
public class RendezvousException extends RuntimeException {
  public RendezvousException(String message) {
    super(message);
  }

  public RendezvousException(String message, Throwable cause) {
    super(message, cause);
  }
}
