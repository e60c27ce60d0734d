package io.vclip.trainer.run;

import io.vclip.crds.contract.TrainerEnv;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every local worker gets: the command to run and the environment the operator would set on
 * a pod (DESIGN.md's contract), with loopback rendezvous and the embedded S3 server's credentials.
 *
 * @param command the worker command line (the same for every rank)
 * @param job the training's name
 * @param worldSize number of ranks
 * @param extraEnv S3 settings and anything else every rank needs
 * @param logDir where each attempt's rank logs go
 * @param prometheusBasePort rank r serves metrics on base + r (ranks share this host); 0 = no endpoint
 */
public record WorkerLaunch(List<String> command, String job, int worldSize, Map<String, String> extraEnv, Path logDir,
    int prometheusBasePort) {

  /** The environment of {@code rank} in the attempt with {@code runId}, rendezvous on {@code masterPort}. */
  public Map<String, String> envFor(int rank, String runId, int masterPort) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put(TrainerEnv.MASTER_ADDR, "127.0.0.1");
    env.put(TrainerEnv.MASTER_PORT, Integer.toString(masterPort));
    env.put(TrainerEnv.WORLD_SIZE, Integer.toString(worldSize));
    env.put(TrainerEnv.RANK, Integer.toString(rank));
    env.put(TrainerEnv.LOCAL_WORLD_SIZE, "1");
    env.put(TrainerEnv.JOB, job);
    env.put(TrainerEnv.RUN_ID, runId);
    env.put(TrainerEnv.PROMETHEUS_PORT, Integer.toString(prometheusBasePort == 0 ? 0 : prometheusBasePort + rank));
    return env;
  }
}
