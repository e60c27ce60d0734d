package io.vclip.trainer.distributed.gloo;

import io.vclip.trainer.distributed.rendezvous.KeyValueStore;
import io.vclip.trainer.distributed.rendezvous.RendezvousException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the shim's gloo::rendezvous::Store calls back into during connectFullMesh. Gloo names its
 * keys after ranks ("0", "1", ...), so a timeout here can say which ranks never registered.
 */
final class GlooStoreBridge {
  private final KeyValueStore store;
  private final Duration timeout;
  private final String who;
  private final int worldSize;

  GlooStoreBridge(KeyValueStore store, Duration timeout, String who, int worldSize) {
    this.store = store;
    this.timeout = timeout;
    this.who = who;
    this.worldSize = worldSize;
  }

  void set(String key, byte[] value) {
    store.set(key, value);
  }

  byte[] get(String key) {
    List<String> missing = store.awaitKeys(List.of(key), timeout);
    if (!missing.isEmpty()) {
      throw notRegistered(missing);
    }
    return store.get(key, timeout);
  }

  /** Gloo passes its own default (30 s); the rendezvous timeout of this group wins. */
  void waitFor(String[] keys, long glooTimeoutMs) {
    List<String> missing = store.awaitKeys(Arrays.asList(keys), timeout);
    if (!missing.isEmpty()) {
      throw notRegistered(missing);
    }
  }

  private RendezvousException notRegistered(List<String> missingKeys) {
    // Gloo waits for one peer at a time; name every rank that is absent, not just the first.
    List<String> allRanks = IntStream.range(0, worldSize).mapToObj(Integer::toString).toList();
    List<String> absent = store.awaitKeys(allRanks, Duration.ZERO);
    if (!absent.isEmpty() && missingKeys.stream().allMatch(absent::contains)) {
      missingKeys = absent;
    }
    List<String> ranks = missingKeys.stream().map(k -> k.matches("\\d+") ? "rank " + k : "key " + k).toList();
    return new RendezvousException(who + ": " + String.join(", ", ranks) + " of WORLD_SIZE=" + worldSize
        + " did not join the group within " + timeout.toSeconds() + "s (did that worker start, and does it"
        + " have the same VCLIP_RUN_ID?)");
  }
}
