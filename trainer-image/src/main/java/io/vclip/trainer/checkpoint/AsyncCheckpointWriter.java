package io.vclip.trainer.checkpoint;

import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.telemetry.TrainerMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checkpoints without stalling training: {@link #submit} serialises this rank's state to a local
 * snapshot file on the caller's thread, then uploads it (multipart for large shards), waits at the
 * barrier and commits in one background thread; S3 failures are retried with backoff, counted in the
 * S3-error metric and logged, while training goes on.
 *
 * <p>At most one upload is in flight. A request that arrives while one is in flight <b>waits</b> for it
 * (it is not coalesced): every rank must write the same steps, or rank 0 would wait at the barrier for
 * a shard another rank dropped, and only waiting decides the same way on every rank. With a
 * checkpoint interval longer than an upload the wait never happens.
 */
public final class AsyncCheckpointWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncCheckpointWriter.class);

  private final CheckpointStore store;
  private final Barrier barrier;
  private final TrainerMetrics metrics;
  private final Path tempDir;
  private final ExecutorService uploader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "vclip-checkpoint-upload");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Manifest> lastCommitted = new AtomicReference<>();
  private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
  private volatile Future<?> inFlight;

  /**
   * @param store where checkpoints go (wrapped here in {@link RetryingObjectStore} with {@code retry})
   * @param job job name (the folder under the store root)
   * @param keepLast retention: committed steps to keep
   * @param tempDir local folder for snapshot files (needs room for one shard)
   * @param barrier all ranks' barrier, called from the upload thread
   */
  public AsyncCheckpointWriter(ObjectStore store, String job, int keepLast, Path tempDir, Barrier barrier,
      TrainerMetrics metrics, RetryPolicy retry) {
    this.store = new CheckpointStore(new RetryingObjectStore(store, retry, metrics::s3Error), job, keepLast);
    this.barrier = barrier;
    this.metrics = metrics;
    this.tempDir = tempDir;
  }

  /**
   * Snapshots {@code state} for {@code step} and starts its upload. Returns once the snapshot is on
   * local disk (after waiting for a previous upload still in flight); the caller may change the state's
   * tensors right after.
   */
  public synchronized void submit(long step, int rank, int world, CheckpointState state, TrainingProgress progress) {
    long started = System.nanoTime();
    awaitInFlight();
    PreparedShard shard = store.prepare(step, rank, world, state, tempDir);
    inFlight = uploader.submit(() -> upload(shard, progress, started));
  }

  private void upload(PreparedShard shard, TrainingProgress progress, long started) {
    try {
      Optional<Manifest> manifest = store.commit(shard, progress, barrier);
      metrics.checkpointWritten(shard.size(), (System.nanoTime() - started) / 1e9);
      manifest.ifPresent(lastCommitted::set);
      lastFailure.set(null);
    } catch (RuntimeException e) {
      // Training goes on; the next checkpoint tries again. The log line and the S3-error metric say so.
      lastFailure.set(e);
      LOG.error("checkpoint step-{} (rank {}) was not written, training continues: {}", shard.step(), shard.rank(),
          e.getMessage());
    }
  }

  private void awaitInFlight() {
    if (inFlight == null) return;
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckpointException("interrupted while waiting for the previous checkpoint upload", e);
    } catch (ExecutionException e) {
      throw new CheckpointException("checkpoint upload crashed: " + e.getCause(), e.getCause());
    }
  }

  /** True when no upload is in flight. */
  public boolean idle() {
    Future<?> f = inFlight;
    return f == null || f.isDone();
  }

  /** Waits until the upload in flight (if any) has finished or given up; for shutdown. */
  public boolean awaitIdle(Duration timeout) {
    Future<?> f = inFlight;
    if (f == null) return true;
    try {
      f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** Waits without a time limit until no upload is in flight. */
  public void awaitIdle() {
    awaitIdle(Duration.ofDays(365));
  }

  /** The manifest this process committed last (rank 0 only). */
  public Optional<Manifest> lastCommitted() {
    return Optional.ofNullable(lastCommitted.get());
  }

  /** Why the last upload failed, if it did (cleared by the next success). */
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** The store the writer commits to (for {@link CheckpointStore#latest()} at start-up). */
  public CheckpointStore store() {
    return store;
  }

  /** Waits for the upload in flight, then stops the upload thread. */
  @Override
  public void close() {
    awaitIdle();
    uploader.shutdown();
  }
}
