package io.vclip.trainer.train;

import io.vclip.crds.contract.TrainerEnv;
import io.vclip.trainer.VclipUserException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who this trainer process is, read once from the environment the operator (or {@code vclip run})
 * sets: DESIGN.md's contract. Rendezvous details stay with the distributed runtime.
 */
public record WorkerContext(
    int rank, int worldSize, String job, String runId, Path specFile, Path outputDir, Path terminationLog,
    Map<String, String> env) {

  public static WorkerContext fromEnv(Map<String, String> env, Path specOverride) {
    Path spec = specOverride != null ? specOverride
        : Path.of(env.getOrDefault(TrainerEnv.SPEC_FILE, TrainerEnv.specFilePath()));
    return new WorkerContext(
        integer(env, TrainerEnv.RANK, 0),
        integer(env, TrainerEnv.WORLD_SIZE, 1),
        env.getOrDefault(TrainerEnv.JOB, ""),
        env.getOrDefault(TrainerEnv.RUN_ID, "local"),
        spec,
        Path.of(env.getOrDefault(TrainerEnv.OUTPUT_DIR, "/tmp/vclip")),
        Path.of(env.getOrDefault(TrainerEnv.TERMINATION_LOG, TrainerEnv.TERMINATION_MESSAGE_PATH)),
        Map.copyOf(env));
  }

  public boolean isLeader() {
    return rank == 0;
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new VclipUserException("environment variable " + name + " must be an integer, got '" + v + "'");
    }
  }
}
