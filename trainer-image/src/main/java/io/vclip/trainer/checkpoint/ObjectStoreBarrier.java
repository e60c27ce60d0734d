package io.vclip.trainer.checkpoint;

import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.ObjectStoreException;
import java.time.Duration;
import java.util.TreeSet;

/**
 * A barrier through the checkpoint store: each rank writes an arrival marker
 * {@code <job>/step-<N>/arrivals/<runId>/rank-<r>} and waits until all {@code world} markers of its
 * run are listed. No collective runs on the upload thread, so it cannot interleave with the training
 * loop's collectives. The run id ({@code VCLIP_RUN_ID}, new on every group restart) keeps markers left
 * by an earlier attempt at the same step from counting. Markers are deleted with their step by retention.
 */
public final class ObjectStoreBarrier implements Barrier {
  private final ObjectStore store;
  private final CheckpointLayout layout;
  private final String runId;
  private final int rank;
  private final int world;
  private final Duration timeout;
  private final Duration poll;

  public ObjectStoreBarrier(ObjectStore store, String job, String runId, int rank, int world, Duration timeout) {
    this(store, job, runId, rank, world, timeout, Duration.ofMillis(500));
  }

  ObjectStoreBarrier(ObjectStore store, String job, String runId, int rank, int world, Duration timeout, Duration poll) {
    if (runId == null || runId.isBlank() || runId.contains("/")) {
      throw new IllegalArgumentException("run id must be non-empty without '/', got '" + runId + "'");
    }
    ZeroSlices.range(0, rank, world);
    this.store = store;
    this.layout = new CheckpointLayout(job);
    this.runId = runId;
    this.rank = rank;
    this.world = world;
    this.timeout = timeout;
    this.poll = poll;
  }

  @Override
  public void await(long step) {
    String prefix = layout.stepFolder(step) + "arrivals/" + runId + "/";
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean announced = false;
    TreeSet<Integer> arrived = new TreeSet<>();
    String lastError = "";
    while (true) {
      try {
        if (!announced) {
          store.put(prefix + "rank-" + rank, new byte[0]);
          announced = true;
        }
        arrived.clear();
        store.list(prefix).forEach(o -> arrived.add(Integer.parseInt(o.key().substring(o.key().lastIndexOf('-') + 1))));
        if (arrived.size() >= world) return;
      } catch (ObjectStoreException e) {
        // The store being briefly unreachable is what the deadline is for.
        lastError = "; last storage error: " + e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        TreeSet<Integer> missing = new TreeSet<>();
        for (int r = 0; r < world; r++) if (!arrived.contains(r)) missing.add(r);
        throw new CheckpointException("checkpoint barrier of step " + step + " (run " + runId + "): ranks " + missing
            + " of " + world + " did not arrive within " + timeout.toSeconds() + " s" + lastError);
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CheckpointException("interrupted at the checkpoint barrier of step " + step, e);
      }
    }
  }
}
