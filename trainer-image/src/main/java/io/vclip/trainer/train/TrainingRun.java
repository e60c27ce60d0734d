package io.vclip.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.vclip.crds.contract.ExitCodes;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.Precision;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.eval.CheckpointLocation;
import java.nio.charset.StandardCharsets;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import io.vclip.trainer.checkpoint.AsyncCheckpointWriter;
import io.vclip.trainer.checkpoint.Barrier;
import io.vclip.trainer.checkpoint.DjlParameters;
import io.vclip.trainer.checkpoint.ObjectStoreBarrier;
import io.vclip.trainer.objective.ObjectiveConfig;
import io.vclip.trainer.checkpoint.CheckpointState;
import io.vclip.trainer.checkpoint.Manifest;
import io.vclip.trainer.checkpoint.RestoredCheckpoint;
import io.vclip.trainer.checkpoint.RetryPolicy;
import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.data.loader.LoaderConfig;
import io.vclip.trainer.data.loader.LoaderPosition;
import io.vclip.trainer.data.loader.VideoDataLoader;
import io.vclip.trainer.data.synthetic.SyntheticTokenizerFile;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.GlobalBatchGather;
import io.vclip.trainer.distributed.ProcessGroup;
import io.vclip.trainer.distributed.TensorMemory;
import io.vclip.trainer.distributed.optim.OptimizerState;
import io.vclip.trainer.distributed.optim.ShardedAdamW;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.model.weights.CheckpointFormats;
import io.vclip.trainer.model.weights.ImportReport;
import io.vclip.trainer.model.weights.ModelWeights;
import io.vclip.trainer.objective.VideoClipObjective;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.S3Settings;
import io.vclip.trainer.storage.S3Uri;
import io.vclip.trainer.telemetry.NonFiniteLossException;
import io.vclip.trainer.telemetry.NonFiniteLossGuard;
import io.vclip.trainer.telemetry.Telemetry;
import io.vclip.trainer.telemetry.TelemetryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trainer process ({@code vclip train}): build the parts the spec asks for, resume from the
 * newest committed checkpoint, run the loop, and leave a termination report for the operator.
 * Returns the process exit code of the {@link ExitCodes} contract.
 */
public final class TrainingRun {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
  /** Rank 0's per-step log of losses and throughput, in {@link WorkerContext#outputDir()}. */
  public static final String METRICS_LOG = "metrics.jsonl";
  static final int MAX_NON_FINITE_IN_A_ROW = 20;
  static final Duration DATA_WAIT = Duration.ofMinutes(30);
  static final int PREFETCH_BATCHES = 2;
  static final Duration CHECKPOINT_BARRIER = Duration.ofMinutes(30);

  private TrainingRun() {}

  public static int execute(WorkerContext ctx, VideoClipTraining training, StopSignal stop) throws Exception {
    VideoClipTrainingSpec spec = training.getSpec();
    Files.createDirectories(ctx.outputDir());
    String job = ctx.job().isEmpty() ? training.getMetadata().getName() : ctx.job();
    DataLocations where = DataLocations.of(spec, ctx.outputDir());
    S3Settings s3 = S3Uri.isS3(where.checkpoints()) || S3Uri.isS3(String.valueOf(where.train()))
        ? s3Settings(ctx, spec) : null;
    int world = ctx.worldSize();
    int accumulation = spec.getOptimization().getAccumulationSteps();
    int global = spec.getOptimization().getGlobalBatchSize();
    if (global % (world * accumulation) != 0) {
      throw new VclipUserException("spec.optimization.globalBatchSize (" + global + ") must be divisible by replicas ("
          + world + ") × accumulationSteps (" + accumulation + ")");
    }
    try (NDManager manager = NDManager.newBaseManager();
        Collectives collectives = ProcessGroup.join(RendezvousEnv.fromEnv(ctx.env()));
        Telemetry telemetry = Telemetry.start(telemetryConfig(ctx, spec, job), ctx.env());
        ObjectStore checkpointStore = ObjectStore.open(where.checkpoints(), s3);
        ObjectStore trainData = ObjectStore.open(where.train(), s3)) {
      if (ctx.isLeader()) {
        // Checkpoints describe themselves: vclip eval rebuilds the model from this file.
        checkpointStore.put(CheckpointLocation.trainingKey(job), ResourceYaml.write(training).getBytes(StandardCharsets.UTF_8));
      }
      prepareData(ctx, spec, where, s3, trainData);
      Path tokenizerFile = tokenizerFile(ctx, spec, s3);
      ModelConfig config = ModelSetup.config(spec.getModel(), TokenizerFiles.vocabularySize(tokenizerFile));
      Engine.getInstance().setRandomSeed((int) spec.getOptimization().getSeed());
      VideoClipModel model = new VideoClipModel(config).initialize(manager);
      loadPretrained(spec, model, s3, ctx, manager);
      broadcastParameters(model, collectives);
      if (spec.getOptimization().getPrecision() == Precision.BF16) {
        // DJL 0.29 has no autocast, and its CPU engine aborts on bfloat16 matmuls (measured here):
        // say so rather than let a bf16 request look honoured.
        LOG.warn("spec.optimization.precision is bf16, but this trainer computes in fp32 on every device "
            + "(no bf16 autocast in this version); training continues in fp32");
      }
      ShardedAdamW optimizer = OptimizerSetup.create(model, spec.getOptimization(), collectives);
      LOG.info("rank {}/{}: model {} ({} parameters), optimizer state {} floats on this rank", ctx.rank(), world,
          config.name(), model.parameterCounts().total(), optimizer.stateFloats());

      try (AsyncCheckpointWriter checkpoints = new AsyncCheckpointWriter(checkpointStore, job,
              spec.getCheckpoint().getKeepLast(), ctx.outputDir().resolve("checkpoint-tmp"),
              world == 1 ? Barrier.NONE : new ObjectStoreBarrier(checkpointStore, job, ctx.runId(), ctx.rank(), world,
                  CHECKPOINT_BARRIER),
              telemetry.metrics(), RetryPolicy.DEFAULT);
          ClipTokenizer tokenizer = ClipTokenizer.load(tokenizerFile, config.text().contextLength())) {
        Resumed resumed = resume(checkpoints, model, optimizer, ctx, global / world / accumulation);
        int px = config.vision().imageSize();
        LoaderConfig loaderConfig = new LoaderConfig(global / world / accumulation, config.xclip().frames(), px, px,
            spec.getData().getShuffleBuffer(), spec.getOptimization().getSeed(), spec.getData().getLoaderThreads(),
            PREFETCH_BATCHES);
        try (VideoDataLoader loader = VideoDataLoader.open(trainData, loaderConfig, ctx.rank(), world, resumed.position)) {
          ObjectiveConfig objectiveConfig = ObjectiveSetup.config(spec.getObjective());
          TrainingLoop.Settings settings = new TrainingLoop.Settings(spec.getOptimization().getMaxSteps(), accumulation,
              spec.getCheckpoint().getIntervalSteps(), spec.getOptimization().getSeed(),
              objectiveConfig.ddr().enabled() ? objectiveConfig.ddr().sequenceLength() : 0,
              objectiveConfig.hdr().enabled() ? objectiveConfig.hdr().sequenceLength() : 0, global, 10);
          TrainingLoop loop = new TrainingLoop(settings, ctx, model,
              new VideoClipObjective(objectiveConfig, new GlobalBatchGather(collectives)),
              optimizer, loader, resumed.position, tokenizer, collectives, checkpoints, telemetry.metrics(),
              new NonFiniteLossGuard(MAX_NON_FINITE_IN_A_ROW, telemetry.metrics()), stop, manager);
          TrainingLoop.Ending ending;
          try {
            ending = loop.run(resumed.step);
          } catch (NonFiniteLossException e) {
            report(ctx, spec, null, loop, e.getMessage());
            LOG.error("{}", e.getMessage());
            return ExitCodes.NON_FINITE_LOSS;
          }
          checkpoints.awaitIdle();
          Optional<Manifest> committed = checkpoints.lastCommitted();
          checkpoints.lastFailure().ifPresent(f -> LOG.error("the last checkpoint upload failed: {}", f.toString()));
          report(ctx, spec, committed.map(m -> checkpointUri(where, job, m)).orElse(null), loop, null);
          return ending == TrainingLoop.Ending.STOPPED ? ExitCodes.PREEMPTED : ExitCodes.SUCCESS;
        }
      }
    }
  }

  private record Resumed(long step, LoaderPosition position) {}

  /** Restores the newest committed checkpoint, re-slicing the optimizer and loader when the world size changed. */
  private static Resumed resume(AsyncCheckpointWriter checkpoints, VideoClipModel model, ShardedAdamW optimizer,
      WorkerContext ctx, int localBatch) {
    Optional<Manifest> latest = checkpoints.store().latest();
    if (latest.isEmpty()) return new Resumed(0, LoaderPosition.START);
    RestoredCheckpoint rc = checkpoints.store().restore(latest.get(), ctx.rank(), ctx.worldSize());
    DjlParameters.load(model, rc.model());
    var slice = rc.optimizer();
    optimizer.importState(new OptimizerState(slice.step(), slice.fullLength(), ctx.rank(), ctx.worldSize(),
        slice.vector("m"), slice.vector("v")));
    List<LoaderPosition> old = rc.loaderByOldRank().stream()
        .map(n -> CheckpointState.fromJson(n, LoaderPosition.class)).toList();
    LoaderPosition position = old.size() == ctx.worldSize() ? old.get(ctx.rank()) : respread(old, localBatch);
    LOG.info("rank {}: resumed from step {} ({} ranks wrote it), loader at {}", ctx.rank(), rc.step(), old.size(), position);
    return new Resumed(rc.step(), position);
  }

  /**
   * A checkpoint from a different world size. The loader's lanes belong to slots of the global
   * batch, not to ranks, so every old rank stood at the same batch of the same epoch and the new
   * ranks take up their lanes there: exact, unless bad records had shifted a rank's lanes (then a
   * few samples repeat or are skipped; docs/checkpoints.md).
   */
  static LoaderPosition respread(List<LoaderPosition> old, int localBatch) {
    LoaderPosition first = old.get(0);
    return new LoaderPosition(first.epoch(), first.batches() * localBatch, first.batches(), 0);
  }

  private static void prepareData(WorkerContext ctx, VideoClipTrainingSpec spec, DataLocations where, S3Settings s3,
      ObjectStore trainData) throws Exception {
    if (spec.getData().getSynthetic() == null) return;
    if (ctx.isLeader()) {
      try (ObjectStore eval = ObjectStore.open(where.eval(), s3)) {
        SyntheticDataset.ensure(spec.getData().getSynthetic(), spec.getModel().getFrames(),
            DataLocations.rankingLength(spec), trainData, eval, n -> {});
      }
    } else {
      SyntheticDataset.awaitReady(trainData, DATA_WAIT);
    }
  }

  private static Path tokenizerFile(WorkerContext ctx, VideoClipTrainingSpec spec, S3Settings s3) throws IOException {
    if (spec.getModel().getTokenizer() != null) {
      return LocalFiles.resolve(spec.getModel().getTokenizer().getUri(), "spec.model.tokenizer.uri", s3,
          ctx.outputDir().resolve("downloads"));
    }
    if (spec.getData().getSynthetic() == null) {
      throw new VclipUserException("spec.model.tokenizer.uri is required when training on shards "
          + "(a tokenizer.json, e.g. CLIP's BPE); only the synthetic world brings its own");
    }
    Path file = ctx.outputDir().resolve("synthetic-tokenizer-rank" + ctx.rank() + ".json");
    SyntheticTokenizerFile.writeWorldTokenizer(file);
    return file;
  }

  private static void loadPretrained(VideoClipTrainingSpec spec, VideoClipModel model, S3Settings s3, WorkerContext ctx,
      NDManager manager) {
    var pretrained = spec.getModel().getPretrained();
    if (pretrained == null) return;
    Path file = LocalFiles.resolve(pretrained.getUri(), "spec.model.pretrained.uri", s3, ctx.outputDir().resolve("downloads"));
    String format = pretrained.getFormat().name().toLowerCase().replace('_', '-');
    ImportReport report = ModelWeights.importFile(model, file, CheckpointFormats.byId(format), manager);
    LOG.info("pretrained weights from {}:\n{}", pretrained.getUri(), report.render());
  }

  /** Every rank starts from rank 0's parameters, whatever the initialiser did. */
  private static void broadcastParameters(VideoClipModel model, Collectives collectives) {
    if (collectives.worldSize() == 1) return;
    for (Parameter p : model.namedParameters().values()) collectives.broadcast(TensorMemory.shared(p.getArray()), 0);
  }

  private static S3Settings s3Settings(WorkerContext ctx, VideoClipTrainingSpec spec) {
    String endpoint = spec.getCheckpoint() != null && spec.getCheckpoint().getStore() != null
        ? spec.getCheckpoint().getStore().getEndpoint() : null;
    try {
      return S3Settings.fromEnv(ctx.env(), endpoint);
    } catch (IllegalArgumentException e) {
      throw new VclipUserException("spec.checkpoint.store: " + e.getMessage()
          + " (on a cluster they come from spec.checkpoint.store.credentialsSecret)", e);
    }
  }

  private static TelemetryConfig telemetryConfig(WorkerContext ctx, VideoClipTrainingSpec spec, String job) {
    int port = ctx.env().containsKey(TrainerEnv.PROMETHEUS_PORT)
        ? Integer.parseInt(ctx.env().get(TrainerEnv.PROMETHEUS_PORT)) : spec.getTelemetry().getPrometheusPort();
    return TelemetryConfig.trainer(Map.of("vclip.job", job, "vclip.run_id", ctx.runId(),
        "vclip.rank", Integer.toString(ctx.rank()))).withPrometheus("0.0.0.0", port);
  }

  static String checkpointUri(DataLocations where, String job, Manifest m) {
    return where.checkpoints() + "/" + job + "/step-" + m.step() + "/";
  }

  /** Rank 0's last word to the operator: progress, the last checkpoint, or why it failed. */
  static void report(WorkerContext ctx, VideoClipTrainingSpec spec, String checkpointUri, TrainingLoop loop, String reason) {
    if (!ctx.isLeader() && reason == null) return;
    Long step = loop == null ? null : loop.lastStep();
    TerminationReport r = new TerminationReport(step, spec.getOptimization().getMaxSteps(),
        loop == null || Double.isNaN(loop.lastLoss()) ? null : loop.lastLoss(),
        loop == null || Double.isNaN(loop.lastSamplesPerSecond()) ? null : loop.lastSamplesPerSecond(),
        checkpointUri == null ? null : new TerminationReport.Checkpoint(step, checkpointUri, java.time.Instant.now().toString()), null, reason);
    TerminationLog.write(ctx.terminationLog(), r);
  }
}
