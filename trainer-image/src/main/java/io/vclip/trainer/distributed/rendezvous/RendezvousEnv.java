package io.vclip.trainer.distributed.rendezvous;

import io.vclip.crds.contract.TrainerEnv;
import io.vclip.trainer.VclipUserException;
import java.util.Map;

/**
 * Where this process sits in its group, read from the environment the operator (or {@code vclip run})
 * sets on every worker. Validated here once; errors name the variable.
 */
public record RendezvousEnv(
    String masterAddr, int masterPort, int worldSize, int rank, int localWorldSize, String runId) {

  public static final String MASTER_ADDR = TrainerEnv.MASTER_ADDR;
  public static final String MASTER_PORT = TrainerEnv.MASTER_PORT;
  public static final String WORLD_SIZE = TrainerEnv.WORLD_SIZE;
  public static final String RANK = TrainerEnv.RANK;
  public static final String LOCAL_WORLD_SIZE = TrainerEnv.LOCAL_WORLD_SIZE;
  public static final String RUN_ID = TrainerEnv.RUN_ID;

  public RendezvousEnv {
    if (worldSize < 1) {
      throw new VclipUserException("env " + WORLD_SIZE + "=" + worldSize + " must be at least 1");
    }
    if (rank < 0 || rank >= worldSize) {
      throw new VclipUserException(
          "env " + RANK + "=" + rank + " must be in [0, " + WORLD_SIZE + "=" + worldSize + ")");
    }
    if (masterPort < 1 || masterPort > 65535) {
      throw new VclipUserException("env " + MASTER_PORT + "=" + masterPort + " is not a TCP port (1-65535)");
    }
    if (localWorldSize < 1) {
      throw new VclipUserException("env " + LOCAL_WORLD_SIZE + "=" + localWorldSize + " must be at least 1");
    }
    if (masterAddr == null || masterAddr.isBlank()) {
      throw new VclipUserException("env " + MASTER_ADDR + " is empty");
    }
    if (runId == null || runId.isBlank() || runId.contains("/")) {
      throw new VclipUserException("env " + RUN_ID + "='" + runId + "' must be a non-empty id without '/'");
    }
  }

  /** Reads the contract from {@code System.getenv()}-style variables. */
  public static RendezvousEnv fromEnv(Map<String, String> env) {
    return new RendezvousEnv(
        required(env, MASTER_ADDR),
        integer(env, MASTER_PORT),
        integer(env, WORLD_SIZE),
        integer(env, RANK),
        env.containsKey(LOCAL_WORLD_SIZE) ? integer(env, LOCAL_WORLD_SIZE) : 1,
        required(env, RUN_ID));
  }

  /** "rank 1" — how errors of this process introduce it. */
  public String who() {
    return "rank " + rank;
  }

  public String masterEndpoint() {
    return MASTER_ADDR + "=" + masterAddr + ":" + masterPort;
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new VclipUserException("env " + name + " is not set");
    }
    return value.trim();
  }

  private static int integer(Map<String, String> env, String name) {
    String value = required(env, name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new VclipUserException("env " + name + "='" + value + "' is not an integer");
    }
  }
}
