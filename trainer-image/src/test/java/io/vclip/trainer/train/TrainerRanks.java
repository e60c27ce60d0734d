package io.vclip.trainer.train;

import io.vclip.crds.contract.TrainerEnv;
import io.vclip.trainer.cli.VclipCommand;
import io.vclip.trainer.distributed.WorkerGroup;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.run.WorkerLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * W real {@code vclip train} processes with the operator's environment contract on loopback, as a
 * pod group would run them: one intra-op thread each, rank 0's metrics log in {@code outputDir}.
 */
final class TrainerRanks {
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final Path outputDir;

  private TrainerRanks(Path outputDir) {
    this.outputDir = outputDir;
  }

  static TrainerRanks start(int world, String job, Path spec, Path outputDir, Map<String, String> storeEnv)
      throws IOException {
    Files.createDirectories(outputDir);
    TrainerRanks ranks = new TrainerRanks(outputDir);
    int port = WorkerGroup.freePort();
    String runId = "r-" + UUID.randomUUID();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
        "-cp", System.getProperty("java.class.path"), VclipCommand.class.getName(), "train", "--spec", spec.toString());
    Map<String, String> shared = new HashMap<>(storeEnv);
    shared.putAll(Map.of(TrainerEnv.OUTPUT_DIR, outputDir.toString(),
        TrainerEnv.TERMINATION_LOG, outputDir.resolve("termination.json").toString(), "DJL_OFFLINE", "true"));
    // The environment a pod of this group gets, as vclip run builds it.
    WorkerLaunch launch = new WorkerLaunch(command, job, world, shared, outputDir, 0);
    for (int rank = 0; rank < world; rank++) {
      ProcessBuilder pb = new ProcessBuilder(command);
      Path log = outputDir.resolve("rank-" + rank + ".log");
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(launch.envFor(rank, runId, port));
      ranks.processes.add(pb.start());
      ranks.logs.add(log);
    }
    return ranks;
  }

  /** Blocks until rank 0 has logged {@code step}, or a rank ended; returns the last step logged. */
  long awaitStep(long step, long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (lastStep() < step && processes.stream().allMatch(Process::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return lastStep();
  }

  /** SIGTERM to every rank, as the kubelet does on preemption. */
  void terminate() {
    processes.forEach(Process::destroy);
  }

  /** Waits for every rank and returns their exit codes in rank order. */
  List<Integer> await(long timeoutSeconds) throws Exception {
    List<Integer> codes = new ArrayList<>();
    for (int rank = 0; rank < processes.size(); rank++) {
      Process p = processes.get(rank);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        processes.forEach(Process::destroyForcibly);
        throw new AssertionError("rank " + rank + " did not finish within " + timeoutSeconds + " s:\n" + log(rank));
      }
      codes.add(p.exitValue());
    }
    return codes;
  }

  String log(int rank) throws IOException {
    return Files.exists(logs.get(rank)) ? Files.readString(logs.get(rank)) : "(no log)";
  }

  String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int r = 0; r < logs.size(); r++) all.append("--- rank ").append(r).append('\n').append(log(r));
    return all.toString();
  }

  long lastStep() throws IOException {
    List<TrainingCurves.Point> points = TrainingCurves.read(outputDir.resolve(TrainingRun.METRICS_LOG)).points();
    return points.isEmpty() ? 0 : points.get(points.size() - 1).step();
  }
}
