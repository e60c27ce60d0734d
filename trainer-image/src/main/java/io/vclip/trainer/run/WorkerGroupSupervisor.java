package io.vclip.trainer.run;

import io.vclip.crds.contract.ExitCodes;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a group of local worker processes the way the operator runs a pod group: all ranks start
 * together; the first rank to fail stops the others; the group restarts with a new run id after
 * backoff (the trainer resumes from its last committed checkpoint); a bad-config or non-finite-loss
 * exit ends it at once, since a restart would fail the same way.
 */
public final class WorkerGroupSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerGroupSupervisor.class);

  private final WorkerLaunch launch;
  private final GroupPolicy policy;
  private final Consumer<String> onAttempt;
  private volatile List<Process> running = List.of();

  /** @param onAttempt told the run id of each attempt as it starts (for progress display and tests) */
  public WorkerGroupSupervisor(WorkerLaunch launch, GroupPolicy policy, Consumer<String> onAttempt) {
    this.launch = launch;
    this.policy = policy;
    this.onAttempt = onAttempt;
  }

  /** The processes of the current attempt; a test may kill one to check that the group recovers. */
  public List<Process> runningWorkers() {
    return running;
  }

  public GroupOutcome run() throws IOException, InterruptedException {
    Files.createDirectories(launch.logDir());
    int attempt = 0;
    while (true) {
      attempt++;
      String runId = launch.job() + "-" + attempt + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
      onAttempt.accept(runId);
      Failure failure = runAttempt(runId).orElse(null);
      if (failure == null) {
        return new GroupOutcome(true, attempt, ExitCodes.SUCCESS, null);
      }
      ExitCodes.Meaning meaning = ExitCodes.meaningOf(failure.exitCode);
      String reason = "rank " + failure.rank + " exited with code " + failure.exitCode + " (" + meaning
          + "); its log: " + failure.log;
      if (meaning == ExitCodes.Meaning.BAD_CONFIG || meaning == ExitCodes.Meaning.NON_FINITE_LOSS) {
        return new GroupOutcome(false, attempt, failure.exitCode, reason);
      }
      // Preemption is not the job's fault: it does not use up the backoff budget.
      int restarts = meaning == ExitCodes.Meaning.PREEMPTED ? attempt - 1 : attempt;
      if (restarts > policy.backoffLimit()) {
        return new GroupOutcome(false, attempt, failure.exitCode,
            "backoff limit " + policy.backoffLimit() + " reached; last failure: " + reason);
      }
      var wait = policy.backoffBefore(attempt);
      LOG.warn("{}; restarting the group in {} ms (restart {} of at most {})", reason, wait.toMillis(),
          attempt, policy.backoffLimit());
      Thread.sleep(wait.toMillis());
    }
  }

  private record Failure(int rank, int exitCode, Path log) {}

  private Optional<Failure> runAttempt(String runId) throws IOException, InterruptedException {
    int port = freePort();
    List<Process> procs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    try {
      for (int rank = 0; rank < launch.worldSize(); rank++) {
        Path log = launch.logDir().resolve(runId + "-rank-" + rank + ".log");
        ProcessBuilder pb = new ProcessBuilder(launch.command()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().putAll(launch.envFor(rank, runId, port));
        procs.add(pb.start());
        logs.add(log);
      }
      running = List.copyOf(procs);
      return awaitGroup(procs, logs);
    } finally {
      running = List.of();
      stopAll(procs);
    }
  }

  /** Waits until every rank has exited 0, or the first one fails. */
  private Optional<Failure> awaitGroup(List<Process> procs, List<Path> logs) throws InterruptedException {
    boolean[] done = new boolean[procs.size()];
    int finished = 0;
    while (finished < procs.size()) {
      for (int r = 0; r < procs.size(); r++) {
        Process p = procs.get(r);
        if (done[r] || p.isAlive()) continue;
        done[r] = true;
        finished++;
        if (p.exitValue() != 0) return Optional.of(new Failure(r, p.exitValue(), logs.get(r)));
      }
      if (finished < procs.size()) procs.get(firstAlive(done)).waitFor(200, TimeUnit.MILLISECONDS);
    }
    return Optional.empty();
  }

  private static int firstAlive(boolean[] done) {
    for (int i = 0; i < done.length; i++) if (!done[i]) return i;
    return 0;
  }

  // SIGTERM first so a rank can commit a checkpoint within the grace period, as on a cluster.
  private void stopAll(List<Process> procs) throws InterruptedException {
    for (Process p : procs) if (p.isAlive()) p.destroy();
    long deadline = System.nanoTime() + policy.stopGrace().toNanos();
    for (Process p : procs) {
      long left = deadline - System.nanoTime();
      if (p.isAlive() && !p.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) p.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
