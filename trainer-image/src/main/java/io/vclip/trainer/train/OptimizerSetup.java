package io.vclip.trainer.train;

import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import io.vclip.crds.v1alpha1.OptimizationSpec;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import io.vclip.trainer.distributed.optim.AdamWSettings;
import io.vclip.trainer.distributed.optim.ParameterGroups;
import io.vclip.trainer.distributed.optim.ShardedAdamW;
import io.vclip.trainer.distributed.optim.WarmupCosineSchedule;
import io.vclip.trainer.model.VideoClipModel;
import java.util.Map;

/**
 * The sharded AdamW a spec asks for, with X-CLIP's parameter groups: ×{@code newParameterLrMultiplier}
 * for the parts X-CLIP adds to CLIP (message_*, mit, prompts), no weight decay on norms, biases and
 * embeddings.
 */
public final class OptimizerSetup {
  static final double EPSILON = 1e-8;

  private OptimizerSetup() {}

  public static ShardedAdamW create(VideoClipModel model, OptimizationSpec spec, Collectives collectives) {
    Map<String, Parameter> named = model.namedParameters();
    PairList<String, Parameter> trainable = new PairList<>();
    // Frozen parameters (Long-CLIP's first 20 position rows) never reach the optimizer.
    named.forEach((name, p) -> { if (p.requiresGradient()) trainable.add(name, p); });
    ParameterGroups groups = ParameterGroups.uniform()
        .withLearningRateMultiplier(io.vclip.trainer.model.ParameterGroups::isXClipAddition,
            spec.getNewParameterLrMultiplier())
        .withoutWeightDecay(name -> io.vclip.trainer.model.ParameterGroups.isNoWeightDecay(name, named.get(name)));
    // Gradients are averaged over ranks: the objective scales its local feature gradients by W for that.
    AdamWSettings settings = new AdamWSettings(spec.getBetas().get(0), spec.getBetas().get(1), EPSILON,
        spec.getWeightDecay(), spec.getGradientClipNorm(), spec.getAccumulationSteps(), ReduceOp.AVG);
    WarmupCosineSchedule schedule = new WarmupCosineSchedule(spec.getLearningRate(), spec.getWarmupSteps(),
        spec.getMaxSteps(), 0.0);
    return new ShardedAdamW(trainable, groups, settings, schedule, collectives);
  }
}
