package io.vclip.trainer.distributed.rendezvous;

/**
 * Wire format between {@link KeyValueStoreServer} and {@link KeyValueStoreClient}: a request is an
 * opcode byte, then modified-UTF-8 keys and length-prefixed values (DataOutput); a reply starts with a
 * status byte. Waiting happens on the server so a client costs one round trip per wait.
 */
final class StoreProtocol {
  private StoreProtocol() {}

  /** SET key, int length, bytes → OK. */
  static final byte SET = 1;
  /** GET key, long timeoutMs → OK int length bytes | TIMEOUT. */
  static final byte GET = 2;
  /** WAIT int n, n keys, long timeoutMs → OK | TIMEOUT int n, missing keys. */
  static final byte WAIT = 3;

  static final byte OK = 0;
  static final byte TIMEOUT = 1;
}
