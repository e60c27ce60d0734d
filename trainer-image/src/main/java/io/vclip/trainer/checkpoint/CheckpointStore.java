package io.vclip.trainer.checkpoint;

import io.vclip.trainer.storage.ObjectInfo;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.ObjectStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's checkpoints in an {@link ObjectStore}: writes a step (each rank its shard, then rank 0 the
 * manifest once every shard is confirmed), finds the newest intact step, restores a rank of any world
 * size from it, and keeps only the newest {@code keepLast} steps.
 */
public final class CheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

  private final ObjectStore store;
  private final CheckpointLayout layout;
  private final int keepLast;
  private final ManifestVerifier verifier;
  private final CheckpointReader reader;

  /**
   * @param store where checkpoints live (its root is the spec's checkpoint prefix)
   * @param job the job name: checkpoints go under {@code <job>/step-<N>/}
   * @param keepLast how many committed steps retention keeps (at least 1)
   */
  public CheckpointStore(ObjectStore store, String job, int keepLast) {
    if (keepLast < 1) throw new IllegalArgumentException("keepLast must be >= 1, got " + keepLast);
    this.store = store;
    this.layout = new CheckpointLayout(job);
    this.keepLast = keepLast;
    this.verifier = new ManifestVerifier(store, layout);
    this.reader = new CheckpointReader(store, layout);
  }

  public CheckpointLayout layout() {
    return layout;
  }

  public String location() {
    return store.location() + "/" + layout.jobPrefix();
  }

  /** Writes this rank's shard of {@code step} and, on rank 0, the manifest; synchronous. */
  public Optional<Manifest> write(long step, int rank, int world, CheckpointState state,
      TrainingProgress progress, Barrier barrier, Path tempDir) {
    return commit(prepare(step, rank, world, state, tempDir), progress, barrier);
  }

  /**
   * Serialises {@code state} into a local file under {@code tempDir}: after this returns the caller
   * may change its tensors. The file is deleted by {@link #commit} (or by {@link #discard}).
   */
  public PreparedShard prepare(long step, int rank, int world, CheckpointState state, Path tempDir) {
    if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
    ZeroSlices.range(0, rank, world);
    if (rank != 0 && !state.model().isEmpty()) {
      throw new IllegalArgumentException("only rank 0 saves the (replicated) model parameters; rank " + rank + " passed "
          + state.model().size());
    }
    try {
      Files.createDirectories(tempDir);
      Path file = Files.createTempFile(tempDir, "step-" + step + "-rank-" + rank + "-", ".bin");
      try {
        ShardWriter.Written w = ShardCodec.write(state, step, rank, world, file);
        return new PreparedShard(step, rank, world, file, w.size(), w.sha256());
      } catch (RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    } catch (IOException e) {
      throw new CheckpointException("cannot write the snapshot of step " + step + " under " + tempDir + ": " + e, e);
    }
  }

  /**
   * Uploads a prepared shard and its receipt, waits at {@code barrier}, and on rank 0 checks every
   * rank's receipt, writes {@code manifest.json} (the commit point) and applies retention.
   *
   * @return the manifest on rank 0, empty on other ranks
   */
  public Optional<Manifest> commit(PreparedShard shard, TrainingProgress progress, Barrier barrier) {
    try {
      long step = shard.step();
      store.put(layout.shardKey(step, shard.info().key()), shard.file());
      store.put(layout.receiptKey(step, shard.rank(), shard.worldSize()), CheckpointJson.MAPPER.writeValueAsBytes(shard.info()));
      barrier.await(step);
      if (shard.rank() != 0) return Optional.empty();
      List<ShardInfo> shards = new ArrayList<>();
      for (int r = 0; r < shard.worldSize(); r++) shards.add(confirmedShard(step, r, shard.worldSize()));
      Manifest manifest = new Manifest(Manifest.FORMAT, layout.job(), step, shard.worldSize(),
          Instant.now().toString(), progress, shards);
      store.put(layout.manifestKey(step), CheckpointJson.MAPPER.writeValueAsBytes(manifest));
      LOG.info("checkpoint step-{} of job {} committed: {} shards, {} bytes", step, layout.job(),
          shards.size(), manifest.totalBytes());
      applyRetention(step);
      return Optional.of(manifest);
    } catch (IOException e) {
      throw new CheckpointException("cannot serialise the manifest of step " + shard.step() + ": " + e, e);
    } finally {
      discard(shard);
    }
  }

  /** Deletes a prepared shard's local file. */
  public void discard(PreparedShard shard) {
    try {
      Files.deleteIfExists(shard.file());
    } catch (IOException e) {
      LOG.warn("could not delete the checkpoint snapshot {}: {}", shard.file(), e.toString());
    }
  }

  // A rank's shard counts once its receipt is there and the shard object has the size the receipt names.
  private ShardInfo confirmedShard(long step, int rank, int world) throws IOException {
    String receiptKey = layout.receiptKey(step, rank, world);
    if (!store.exists(receiptKey)) {
      throw new CheckpointException("rank " + rank + " of " + world + " has not confirmed its shard of step " + step
          + " (no " + receiptKey + " in " + store.location() + ")");
    }
    ShardInfo info = CheckpointJson.MAPPER.readValue(store.get(receiptKey), ShardInfo.class);
    Optional<Long> size = store.size(layout.shardKey(step, info.key()));
    if (size.isEmpty() || size.get() != info.size()) {
      throw new CheckpointException("shard " + layout.shardKey(step, info.key()) + " of rank " + rank + " has "
          + size.map(s -> s + " bytes").orElse("no object") + ", its receipt says " + info.size());
    }
    return info;
  }

  /** Steps with a manifest, oldest first (not verified). */
  public List<Long> committedSteps() {
    List<Long> out = new ArrayList<>();
    for (var e : stepObjects().entrySet()) {
      if (e.getValue().stream().anyMatch(o -> layout.isManifest(o.key()))) out.add(e.getKey());
    }
    return out;
  }

  /** The manifest of {@code step}, if committed. */
  public Optional<Manifest> manifest(long step) {
    String key = layout.manifestKey(step);
    if (!store.exists(key)) return Optional.empty();
    try {
      return Optional.of(CheckpointJson.MAPPER.readValue(store.get(key), Manifest.class));
    } catch (IOException e) {
      throw new CheckpointException(key + " in " + store.location() + " is not a valid manifest: " + e.getMessage(), e);
    }
  }

  /**
   * The newest step whose manifest exists and whose shards all verify (size and SHA-256). Partial or
   * corrupt steps are passed over, each with a log line saying why. Reads every shard of the steps it
   * checks, so one rank should call it and share the step.
   */
  public Optional<Manifest> latest() {
    List<Long> steps = committedSteps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      long step = steps.get(i);
      Optional<String> problem;
      Optional<Manifest> manifest = Optional.empty();
      try {
        manifest = manifest(step);
        problem = manifest.isEmpty() ? Optional.of("its manifest disappeared") : verifier.problem(manifest.get());
      } catch (CheckpointException e) {
        problem = Optional.of(e.getMessage());
      }
      if (problem.isEmpty()) return manifest;
      LOG.warn("checkpoint step-{} of job {} skipped for resume: {}; trying an older one", step, layout.job(), problem.get());
    }
    return Optional.empty();
  }

  /** Restores rank {@code rank} of a world of {@code world} ranks from a committed step (any old world size). */
  public RestoredCheckpoint restore(Manifest manifest, int rank, int world) {
    return reader.restore(manifest, rank, world);
  }

  // Everything older than the step just committed, except the newest keepLast-1 committed ones, goes:
  // newer steps may be being written by a later request, and the step just committed is never touched.
  private void applyRetention(long committed) {
    TreeMap<Long, List<ObjectInfo>> steps = stepObjects();
    Set<Long> kept = new HashSet<>();
    for (Long s : steps.headMap(committed, false).descendingKeySet()) {
      boolean isCommitted = steps.get(s).stream().anyMatch(o -> layout.isManifest(o.key()));
      if (isCommitted && kept.size() < keepLast - 1) {
        kept.add(s);
      } else if (!kept.contains(s)) {
        deleteStep(s, steps.get(s));
      }
    }
  }

  private void deleteStep(long step, List<ObjectInfo> objects) {
    // Manifest first: a step deleted halfway never looks committed.
    List<ObjectInfo> ordered = new ArrayList<>(objects);
    ordered.sort(Comparator.comparing((ObjectInfo o) -> !layout.isManifest(o.key())));
    for (ObjectInfo o : ordered) store.delete(o.key());
    LOG.info("checkpoint step-{} of job {} deleted by retention (keepLast={})", step, layout.job(), keepLast);
  }

  private TreeMap<Long, List<ObjectInfo>> stepObjects() {
    TreeMap<Long, List<ObjectInfo>> steps = new TreeMap<>();
    try {
      for (ObjectInfo o : store.list(layout.jobPrefix())) {
        OptionalLong step = layout.stepOf(o.key());
        if (step.isPresent()) steps.computeIfAbsent(step.getAsLong(), k -> new ArrayList<>()).add(o);
      }
    } catch (ObjectStoreException e) {
      throw new CheckpointException("listing the checkpoints of job " + layout.job() + " failed: " + e.getMessage(), e);
    }
    return steps;
  }
}
