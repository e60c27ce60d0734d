package io.vclip.trainer.checkpoint;

import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.ObjectStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks that every shard a manifest lists exists with the listed size and SHA-256. */
final class ManifestVerifier {
  private final ObjectStore store;
  private final CheckpointLayout layout;

  ManifestVerifier(ObjectStore store, CheckpointLayout layout) {
    this.store = store;
    this.layout = layout;
  }

  /** Empty when the checkpoint is complete and intact, else the first problem found. */
  Optional<String> problem(Manifest manifest) {
    if (manifest.shards().size() != manifest.worldSize()) {
      return Optional.of("the manifest lists " + manifest.shards().size() + " shards for world size " + manifest.worldSize());
    }
    // Sizes first: a missing or truncated shard is found with one request per shard, before hashing anything.
    for (ShardInfo shard : manifest.shards()) {
      String key = layout.shardKey(manifest.step(), shard.key());
      Optional<Long> size = store.size(key);
      if (size.isEmpty()) return Optional.of("shard " + shard.key() + " is missing");
      if (size.get() != shard.size()) {
        return Optional.of("shard " + shard.key() + " has " + size.get() + " bytes, the manifest says " + shard.size());
      }
    }
    for (ShardInfo shard : manifest.shards()) {
      String key = layout.shardKey(manifest.step(), shard.key());
      String actual = sha256(key);
      if (!actual.equals(shard.sha256())) {
        return Optional.of("shard " + shard.key() + " has SHA-256 " + actual + ", the manifest says " + shard.sha256());
      }
    }
    return Optional.empty();
  }

  private String sha256(String key) {
    MessageDigest sha = ShardFormat.sha256();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = store.open(key)) {
      for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
    } catch (IOException e) {
      throw new ObjectStoreException("reading " + key + " in " + store.location() + " failed: " + e, e);
    }
    return ShardFormat.hex(sha.digest());
  }
}
