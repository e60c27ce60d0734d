package io.vclip.trainer.distributed.rendezvous;

import java.time.Duration;
import java.util.List;

/** The rendezvous key-value store as its users see it: write once, read or wait with a deadline. */
public interface KeyValueStore {

  void set(String key, byte[] value);

  /** The value of {@code key}, waiting for it to appear; throws {@link RendezvousException} on timeout. */
  byte[] get(String key, Duration timeout);

  /** Waits until all keys exist; returns the keys still missing when the timeout ran out (empty = all there). */
  List<String> awaitKeys(List<String> keys, Duration timeout);

  /** A view whose keys all start with {@code prefix}, so groups of different runs never see each other's keys. */
  default KeyValueStore namespaced(String prefix) {
    KeyValueStore inner = this;
    return new KeyValueStore() {
      @Override
      public void set(String key, byte[] value) {
        inner.set(prefix + key, value);
      }

      @Override
      public byte[] get(String key, Duration timeout) {
        return inner.get(prefix + key, timeout);
      }

      @Override
      public List<String> awaitKeys(List<String> keys, Duration timeout) {
        return inner.awaitKeys(keys.stream().map(k -> prefix + k).toList(), timeout).stream()
            .map(k -> k.substring(prefix.length()))
            .toList();
      }
    };
  }
}
