package io.vclip.operator.observer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The worker pods of a training that exist now, split into the current run and leftovers of earlier ones. */
public record PodGroupObservation(int replicas, List<WorkerState> current, List<WorkerState> stale) {

  public static PodGroupObservation empty(int replicas) {
    return new PodGroupObservation(replicas, List.of(), List.of());
  }

  public boolean noPods() {
    return current.isEmpty() && stale.isEmpty();
  }

  public boolean anyPods() {
    return !noPods();
  }

  public boolean complete() {
    return current.size() == replicas;
  }

  public int ready() {
    return (int) current.stream().filter(w -> w.running() && w.ready()).count();
  }

  public boolean allRunning() {
    return complete() && current.stream().allMatch(w -> w.running() && !w.terminating());
  }

  public boolean allSucceeded() {
    return complete() && current.stream().allMatch(WorkerState::succeeded);
  }

  /** The first failed worker by rank: rank 0's reason is the most useful when several fail together. */
  public Optional<WorkerState> firstFailure() {
    return current.stream().filter(WorkerState::failed).min(Comparator.comparingInt(WorkerState::rank));
  }

  public Optional<WorkerState> rank0() {
    return current.stream().filter(w -> w.rank() == 0).findFirst();
  }
}
