package io.vclip.trainer.run;

import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.CheckpointSpec;
import io.vclip.crds.v1alpha1.ObjectStore;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.progress.ProgressBar;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.S3Settings;
import io.vclip.trainer.train.DataLocations;
import io.vclip.trainer.train.SyntheticDataset;
import io.vclip.trainer.train.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: the same VideoClipTraining a cluster runs, on this machine. An in-process
 * S3 server stands in for MinIO, local processes for pods, and the launcher for the operator
 * (group restarts from the last checkpoint). The run's files live under {@code workDir}.
 */
public final class LocalRun {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
  static final int PROMETHEUS_BASE_PORT_OFF = 0;

  /** What a finished local run leaves behind. */
  public record Result(GroupOutcome outcome, Path runDir, EmbeddedS3Server server, VideoClipTraining localSpec) {}

  private LocalRun() {}

  /**
   * Trains; the caller owns the returned server (to evaluate against it) and closes it.
   *
   * @param workerCommand the command that runs one rank ({@code java … vclip train})
   */
  public static Result train(VideoClipTraining training, Path workDir, List<String> workerCommand,
      int prometheusBasePort, GroupPolicy policy) throws Exception {
    String job = training.getMetadata().getName();
    Path runDir = workDir.resolve("runs").resolve(job);
    Files.createDirectories(runDir);
    EmbeddedS3Server server = EmbeddedS3Server.filesystem(workDir.resolve("s3"), 0);
    try {
      VideoClipTraining local = pointAtEmbeddedStore(training, server.settings());
      Path specFile = runDir.resolve("spec.yaml");
      Files.writeString(specFile, ResourceYaml.write(local));
      VideoClipTrainingSpec spec = local.getSpec();
      ObjectStore store = spec.getCheckpoint().getStore();
      server.store(store.getBucket(), store.getPrefix()).close();
      prepareSyntheticData(spec, runDir, server.settings());

      Map<String, String> env = new HashMap<>(server.settings().toEnv());
      env.put(TrainerEnv.SPEC_FILE, specFile.toString());
      env.put(TrainerEnv.OUTPUT_DIR, runDir.toString());
      env.put(TrainerEnv.TERMINATION_LOG, runDir.resolve("termination.json").toString());
      env.put("DJL_OFFLINE", "true");
      WorkerLaunch launch = new WorkerLaunch(workerCommand, job, spec.getReplicas(), env, runDir.resolve("logs"),
          prometheusBasePort);
      Files.deleteIfExists(runDir.resolve(TrainingRun.METRICS_LOG));
      GroupOutcome outcome;
      try (ProgressBar bar = ProgressBar.onStderr("train " + job, spec.getOptimization().getMaxSteps(), "steps");
          MetricsFollower follow = new MetricsFollower(runDir.resolve(TrainingRun.METRICS_LOG), bar)) {
        outcome = new WorkerGroupSupervisor(launch, policy,
            runId -> LOG.info("starting {} workers (run id {}), logs in {}", spec.getReplicas(), runId,
                runDir.resolve("logs"))).run();
      }
      if (!outcome.succeeded()) {
        String reason = readReason(runDir.resolve("termination.json"));
        outcome = new GroupOutcome(false, outcome.attempts(), outcome.exitCode(),
            reason == null ? outcome.reason() : reason + " — " + outcome.reason());
      }
      return new Result(outcome, runDir, server, local);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  /** The spec as the local workers see it: the checkpoint store is the embedded server. */
  static VideoClipTraining pointAtEmbeddedStore(VideoClipTraining training, S3Settings s3) {
    VideoClipTraining copy = ResourceYaml.readAll(ResourceYaml.write(training), "spec").stream()
        .map(VideoClipTraining.class::cast).findFirst().orElseThrow();
    CheckpointSpec checkpoint = copy.getSpec().getCheckpoint();
    if (checkpoint.getStore() == null) checkpoint.setStore(new ObjectStore());
    checkpoint.getStore().setEndpoint(s3.endpoint());
    checkpoint.getStore().setCredentialsSecret(null);
    return copy;
  }

  private static void prepareSyntheticData(VideoClipTrainingSpec spec, Path runDir, S3Settings s3) throws Exception {
    if (spec.getData().getSynthetic() == null) return;
    DataLocations where = DataLocations.of(spec, runDir);
    var synthetic = spec.getData().getSynthetic();
    try (var train = io.vclip.trainer.storage.ObjectStore.open(where.train(), s3);
        var eval = io.vclip.trainer.storage.ObjectStore.open(where.eval(), s3);
        ProgressBar bar = ProgressBar.onStderr("synthetic world", synthetic.getVideos() + synthetic.getHeldOutVideos(), "clips")) {
      SyntheticDataset.ensure(synthetic, spec.getModel().getFrames(), DataLocations.rankingLength(spec), train, eval,
          bar::advance);
    }
  }

  private static String readReason(Path terminationLog) {
    try {
      return Files.exists(terminationLog)
          ? TerminationReport.parse(Files.readString(terminationLog)).map(TerminationReport::reason).orElse(null)
          : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
