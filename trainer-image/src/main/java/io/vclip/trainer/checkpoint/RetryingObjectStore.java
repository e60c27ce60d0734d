package io.vclip.trainer.checkpoint;

import io.vclip.trainer.storage.ObjectInfo;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.ObjectStoreException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} that retries each failed request with {@link RetryPolicy} backoff, reporting
 * every failed attempt (operation name) to a listener — the S3-error metric — and a log line.
 * Every operation the checkpoint writer issues is idempotent (PUT of the same bytes, DELETE, reads).
 */
public final class RetryingObjectStore implements ObjectStore {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingObjectStore.class);

  private final ObjectStore inner;
  private final RetryPolicy policy;
  private final Consumer<String> onError;

  /** @param onError called with the operation ("put", "get", "size", "list", "delete", "open") of each failed attempt */
  public RetryingObjectStore(ObjectStore inner, RetryPolicy policy, Consumer<String> onError) {
    this.inner = inner;
    this.policy = policy;
    this.onError = onError;
  }

  @Override
  public String location() {
    return inner.location();
  }

  @Override
  public void put(String key, byte[] data) {
    retry("put", key, () -> {
      inner.put(key, data);
      return null;
    });
  }

  @Override
  public void put(String key, Path file) {
    retry("put", key, () -> {
      inner.put(key, file);
      return null;
    });
  }

  @Override
  public InputStream open(String key) {
    return retry("open", key, () -> inner.open(key));
  }

  @Override
  public byte[] get(String key) {
    return retry("get", key, () -> inner.get(key));
  }

  @Override
  public Optional<Long> size(String key) {
    return retry("size", key, () -> inner.size(key));
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    return retry("list", prefix, () -> inner.list(prefix));
  }

  @Override
  public void delete(String key) {
    retry("delete", key, () -> {
      inner.delete(key);
      return null;
    });
  }

  @Override
  public void close() {
    inner.close();
  }

  private <T> T retry(String operation, String key, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ObjectStoreException e) {
        onError.accept(operation);
        if (attempt >= policy.maxAttempts()) {
          LOG.error("S3 {} of {} failed {} times, giving up: {}", operation, key, attempt, e.getMessage());
          throw e;
        }
        java.time.Duration wait = policy.delayAfter(attempt);
        LOG.warn("S3 {} of {} failed (attempt {} of {}), retrying in {} ms: {}", operation, key, attempt,
            policy.maxAttempts(), wait.toMillis(), e.getMessage());
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new CheckpointException("interrupted while retrying S3 " + operation + " of " + key, ie);
        }
      }
    }
  }
}
