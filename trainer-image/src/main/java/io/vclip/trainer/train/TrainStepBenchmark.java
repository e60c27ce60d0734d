package io.vclip.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.vclip.crds.v1alpha1.OptimizationSpec;
import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.data.synthetic.SyntheticWorld;
import io.vclip.trainer.data.synthetic.WorldConfig;
import io.vclip.trainer.distributed.SingleProcessCollectives;
import io.vclip.trainer.distributed.optim.ShardedAdamW;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.objective.ObjectiveConfig;
import io.vclip.trainer.objective.ObjectiveResult;
import io.vclip.trainer.objective.VideoClipObjective;
import java.util.ArrayList;
import java.util.List;

/**
 * Times whole training steps of one process — encode clips and all texts, the full objective,
 * backward, the AdamW update — split into forward, backward and optimizer, after a warm-up (the
 * JIT and libtorch's allocator make the first steps slow). Inputs are random frames and synthetic
 * captions, made once.
 */
public final class TrainStepBenchmark {
  /** Mean milliseconds per step for each phase, and samples per second. */
  public record Result(double forwardMs, double backwardMs, double optimizerMs, double samplesPerSecond, int steps) {
    public double stepMs() {
      return forwardMs + backwardMs + optimizerMs;
    }
  }

  private TrainStepBenchmark() {}

  public static Result run(ModelConfig config, ClipTokenizer tokenizer, int batch, int warmup, int steps) {
    try (NDManager m = NDManager.newBaseManager(); SingleProcessCollectives single = new SingleProcessCollectives()) {
      Engine.getInstance().setRandomSeed(1);
      VideoClipModel model = new VideoClipModel(config).initialize(m);
      ObjectiveConfig objectiveConfig = ObjectiveConfig.defaults();
      VideoClipObjective objective = VideoClipObjective.local(objectiveConfig);
      ShardedAdamW optimizer = OptimizerSetup.create(model, new OptimizationSpec(), single);
      int px = config.vision().imageSize();
      NDArray frames = m.randomNormal(new Shape(batch, config.xclip().frames(), 3, px, px));
      SyntheticWorld world = new SyntheticWorld(WorldConfig.defaults(3));
      List<Captions> captions = new ArrayList<>();
      for (int i = 0; i < batch; i++) captions.add(world.sample(i).captions());
      CaptionTokens tokens = CaptionTokens.of(captions, objectiveConfig.ddr().sequenceLength(),
          objectiveConfig.hdr().sequenceLength(), tokenizer, new RankingSynthesizer(), 0, m);
      ParameterStore ps = new ParameterStore(m, false);
      long fwd = 0, bwd = 0, opt = 0;
      for (int i = 0; i < warmup + steps; i++) {
        long t0 = System.nanoTime();
        long t1;
        long t2;
        try (NDManager scope = StepScope.open(m, model, frames, tokens.ids(), tokens.eot());
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ObjectiveResult r = objective.compute(FeatureForward.forward(model, ps, frames, tokens, true));
          r.values(); // forces the forward pass to finish before the clock moves on
          t1 = System.nanoTime();
          scope.tempAttachAll(r.total());
          gc.backward(r.total());
          t2 = System.nanoTime();
        }
        optimizer.step();
        long t3 = System.nanoTime();
        if (i >= warmup) {
          fwd += t1 - t0;
          bwd += t2 - t1;
          opt += t3 - t2;
        }
      }
      double f = fwd / 1e6 / steps, b = bwd / 1e6 / steps, o = opt / 1e6 / steps;
      return new Result(f, b, o, batch / ((f + b + o) / 1000), steps);
    }
  }
}
