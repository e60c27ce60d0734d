package io.vclip.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.checkpoint.AsyncCheckpointWriter;
import io.vclip.trainer.checkpoint.CheckpointState;
import io.vclip.trainer.checkpoint.DjlParameters;
import ai.djl.ndarray.types.DataType;
import io.vclip.trainer.checkpoint.OptimizerSlice;
import io.vclip.trainer.checkpoint.TrainingProgress;
import io.vclip.trainer.data.loader.Batch;
import io.vclip.trainer.data.loader.LoaderPosition;
import io.vclip.trainer.data.loader.VideoDataLoader;
import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.distributed.CollectiveBuffers;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import io.vclip.trainer.distributed.optim.OptimizerState;
import io.vclip.trainer.distributed.optim.OptimizerStep;
import io.vclip.trainer.distributed.optim.ShardedAdamW;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.objective.ObjectiveResult;
import io.vclip.trainer.objective.VideoClipObjective;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.telemetry.LossPart;
import io.vclip.trainer.telemetry.NonFiniteLossGuard;
import io.vclip.trainer.telemetry.StepPhase;
import io.vclip.trainer.telemetry.TrainerMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimizer steps of one attempt, each the same recipe: seed the step's randomness from (seed,
 * step) so a resumed run repeats it exactly; for each micro-batch load, encode, compute the
 * objective and backpropagate; let the sharded AdamW reduce, update and gather; record metrics;
 * agree across ranks on stopping; checkpoint on the interval, at the end and when told to stop.
 */
final class TrainingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

  /** How an attempt ended. */
  enum Ending { FINISHED, STOPPED }

  /** The settings the loop reads from the spec. */
  /** @param ddrTexts texts per DDR sequence (original included), 0 when DDR is off; likewise {@code hdrTexts} */
  record Settings(long maxSteps, int accumulationSteps, long checkpointInterval, long seed, int ddrTexts,
      int hdrTexts, int globalBatch, int logEvery) {}

  private final Settings settings;
  private final WorkerContext ctx;
  private final VideoClipModel model;
  private final VideoClipObjective objective;
  private final ShardedAdamW optimizer;
  private final VideoDataLoader loader;
  private final ClipTokenizer tokenizer;
  private final Collectives collectives;
  private final AsyncCheckpointWriter checkpoints;
  private final TrainerMetrics metrics;
  private final NonFiniteLossGuard guard;
  private final StopSignal stop;
  private final NDManager manager;
  private final RankingSynthesizer synthesizer = new RankingSynthesizer();
  private final ByteBuffer stopFlag = CollectiveBuffers.allocate(1);

  private long lastStep;
  private double lastLoss = Double.NaN;
  private double lastSamplesPerSecond = Double.NaN;
  private LoaderPosition position;

  TrainingLoop(Settings settings, WorkerContext ctx, VideoClipModel model, VideoClipObjective objective,
      ShardedAdamW optimizer, VideoDataLoader loader, LoaderPosition start, ClipTokenizer tokenizer,
      Collectives collectives, AsyncCheckpointWriter checkpoints, TrainerMetrics metrics,
      NonFiniteLossGuard guard, StopSignal stop, NDManager manager) {
    this.settings = settings;
    this.ctx = ctx;
    this.model = model;
    this.objective = objective;
    this.optimizer = optimizer;
    this.loader = loader;
    this.position = start;
    this.tokenizer = tokenizer;
    this.collectives = collectives;
    this.checkpoints = checkpoints;
    this.metrics = metrics;
    this.guard = guard;
    this.stop = stop;
    this.manager = manager;
  }

  long lastStep() { return lastStep; }

  double lastLoss() { return lastLoss; }

  double lastSamplesPerSecond() { return lastSamplesPerSecond; }

  Ending run(long startStep) throws IOException {
    ParameterStore ps = new ParameterStore(manager, false);
    long step = startStep;
    lastStep = startStep;
    while (step < settings.maxSteps()) {
      long stepStart = System.nanoTime();
      StepTimes times = new StepTimes();
      Engine.getInstance().setRandomSeed((int) (settings.seed() * 1_000_003L + step));
      Map<String, Double> losses = Map.of();
      OptimizerStep update = null;
      for (int micro = 0; micro < settings.accumulationSteps(); micro++) {
        long waitBefore = loader.dataWaitNanos();
        Batch batch = loader.next();
        times.add(StepPhase.DATA_WAIT, loader.dataWaitNanos() - waitBefore);
        losses = forwardBackward(ps, batch, times);
        position = batch.position();
        update = optimizer.step();
        times.add(StepPhase.COLLECTIVES, (long) (update.collectiveSeconds() * 1e9));
        times.add(StepPhase.OPTIMIZER, (long) (update.optimizerSeconds() * 1e9));
      }
      step++;
      lastStep = step;
      double total = losses.getOrDefault(ObjectiveResult.TOTAL, Double.NaN);
      // The optimizer's verdict is global (all ranks skip together); a local NaN alone would desynchronise them.
      boolean nonFinite = update != null && update.nonFiniteGradient();
      if (!guard.accept(step, nonFinite ? Double.NaN : total)) {
        LOG.warn("step {} skipped: {} (gradient norm {}); {} in a row", step,
            nonFinite ? "non-finite gradient" : "non-finite loss", update == null ? "n/a" : update.gradientNorm(),
            guard.consecutive());
      }
      double seconds = (System.nanoTime() - stepStart) / 1e9;
      lastLoss = total;
      lastSamplesPerSecond = settings.globalBatch() / seconds;
      record(step, losses, update, times);
      boolean stopping = agreeOnStop();
      if (stopping || step % settings.checkpointInterval() == 0 || step == settings.maxSteps()) {
        checkpoint(step);
      }
      if (stopping) {
        LOG.warn("stopped at step {} after a stop request; checkpoint step-{} submitted", step, step);
        return Ending.STOPPED;
      }
    }
    return Ending.FINISHED;
  }

  private Map<String, Double> forwardBackward(ParameterStore ps, Batch batch, StepTimes times) {
    try (NDManager scope = StepScope.open(manager, model)) {
      NDArray frames = scope.create(batch.frameBytes(), new Shape(batch.shape()), DataType.FLOAT32);
      CaptionTokens tokens = CaptionTokens.of(batch.captions(), settings.ddrTexts(), settings.hdrTexts(), tokenizer,
          synthesizer, settings.seed(), scope);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        long t0 = System.nanoTime();
        ObjectiveResult result = objective.compute(FeatureForward.forward(model, ps, frames, tokens, true));
        Map<String, Double> values = result.values();
        long t1 = System.nanoTime();
        scope.tempAttachAll(result.total());
        gc.backward(result.total());
        times.add(StepPhase.FORWARD, t1 - t0);
        times.add(StepPhase.BACKWARD, System.nanoTime() - t1);
        return values;
      }
    }
  }

  private void record(long step, Map<String, Double> losses, OptimizerStep update, StepTimes times)
      throws IOException {
    Map<LossPart, Double> parts = new EnumMap<>(LossPart.class);
    losses.forEach((name, v) -> parts.put(LossPart.fromName(name), v));
    double lr = update == null ? Double.NaN : update.learningRate();
    metrics.recordStep(step, parts, lr, times.asMap(), lastSamplesPerSecond);
    if (ctx.isLeader()) {
      TrainingCurves.append(ctx.outputDir().resolve(TrainingRun.METRICS_LOG),
          new TrainingCurves.Point(step, losses, lastSamplesPerSecond, lr, phaseSeconds(times)));
      if (step % settings.logEvery() == 0 || step == settings.maxSteps()) {
        LOG.info("step {}/{} loss {} ({}) {} samples/s", step, settings.maxSteps(), String.format("%.4f", lastLoss),
            losses, String.format("%.1f", lastSamplesPerSecond));
      }
    }
  }

  private static Map<String, Double> phaseSeconds(StepTimes times) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    times.asMap().forEach((phase, seconds) -> out.put(phase.attributeValue(), seconds));
    return out;
  }

  /** Every rank must stop at the same step, or the others would wait forever in the next collective. */
  private boolean agreeOnStop() {
    CollectiveBuffers.floats(stopFlag).put(0, stop.requested() ? 1f : 0f);
    collectives.allReduce(stopFlag, ReduceOp.SUM);
    return CollectiveBuffers.floats(stopFlag).get(0) > 0;
  }

  private void checkpoint(long step) {
    OptimizerState s = optimizer.exportState();
    CheckpointState state = new CheckpointState(
        ctx.isLeader() ? DjlParameters.of(model) : Map.of(),
        OptimizerSlice.adamW(s.updates(), s.totalFloats(), s.m(), s.v()),
        CheckpointState.json(Map.of("updates", s.updates())),
        CheckpointState.json(Map.of("seed", settings.seed(), "step", step)),
        CheckpointState.json(position));
    checkpoints.submit(step, ctx.rank(), ctx.worldSize(), state, new TrainingProgress(lastLoss, lastSamplesPerSecond));
  }

  Path metricsLog() {
    return ctx.outputDir().resolve(TrainingRun.METRICS_LOG);
  }
}
