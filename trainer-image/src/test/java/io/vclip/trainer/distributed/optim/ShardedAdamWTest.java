package io.vclip.trainer.distributed.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.vclip.trainer.distributed.ReduceOp;
import io.vclip.trainer.distributed.SingleProcessCollectives;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The update rule of ShardedAdamW in a group of one, against numbers worked out by hand. */
class ShardedAdamWTest {
  private final NDManager manager = NDManager.newBaseManager();
  private final PairList<String, Parameter> params = new PairList<>();

  @AfterEach
  void close() {
    manager.close();
  }

  private Parameter add(String name, float... values) {
    NDArray a = manager.create(values);
    a.setRequiresGradient(true);
    Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(a).build();
    params.add(new Pair<>(name, p));
    return p;
  }

  /** Back-propagates sum(p · g), so p's gradient grows by g (DJL accumulates gradients). */
  private static void setGrad(Parameter p, float... g) {
    try (NDManager scratch = NDManager.newBaseManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(p.getArray().mul(scratch.create(g)).sum());
    }
  }

  private static final AdamWSettings PLAIN = new AdamWSettings(0.9, 0.999, 1e-8, 0.01, 0, 1, ReduceOp.SUM);

  @Test
  void firstAndSecondUpdateMatchHandComputedAdamW() {
    Parameter w = add("block.weight", 1f, -2f);
    Parameter b = add("block.bias", 1f);
    Parameter x = add("mit.weight", 1f);
    ParameterGroups groups = ParameterGroups.uniform()
        .withoutWeightDecay(n -> n.endsWith("bias"))
        .withLearningRateMultiplier(n -> n.startsWith("mit."), 10);
    ShardedAdamW adam = new ShardedAdamW(params, groups, PLAIN, LearningRateSchedule.constant(0.1),
        new SingleProcessCollectives());

    setGrad(w, 0.5f, 0.25f);
    setGrad(b, 0.5f);
    setGrad(x, 0.5f);
    OptimizerStep step = adam.step();
    assertThat(step.applied()).isTrue();
    // t=1: m̂ = g, v̂ = g², so the Adam step is lr·sign(g); decay first: p·(1 − lr·wd).
    // weight: 1·(1 − 0.001) − 0.1 = 0.899; −2·0.999 − 0.1 = −2.098
    // bias (no decay): 1 − 0.1 = 0.9; mit (lr ×10 = 1.0): 1·(1 − 0.01) − 1.0 = −0.01
    assertThat(w.getArray().toFloatArray()).containsExactly(new float[] {0.899f, -2.098f}, within(1e-6f));
    assertThat(b.getArray().toFloatArray()[0]).isCloseTo(0.9f, within(1e-6f));
    assertThat(x.getArray().toFloatArray()[0]).isCloseTo(-0.01f, within(1e-6f));
    assertThat(step.gradientNorm()).isCloseTo(Math.sqrt(0.25 + 0.0625 + 0.25 + 0.25), within(1e-6));
    assertThat(step.collectiveSeconds()).isGreaterThanOrEqualTo(0);
    assertThat(step.optimizerSeconds()).isGreaterThan(0);

    // Gradients were zeroed by the update; t=2 with g = −0.5 on the bias:
    // m = 0.9·0.05 + 0.1·(−0.5) = −0.005; v = 0.999·0.00025 + 0.001·0.25 = 0.00049975
    // m̂ = −0.005/0.19 = −0.0263158; v̂ = 0.00049975/0.001999 = 0.2500000; step = 0.1·m̂/(√v̂ + ε)
    setGrad(w, 0f, 0f);
    setGrad(b, -0.5f);
    setGrad(x, 0f);
    adam.step();
    double mHat = -0.005 / (1 - 0.81);
    double vHat = 0.00049975 / (1 - 0.998001);
    double expected = 0.9 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
    assertThat((double) b.getArray().toFloatArray()[0]).isCloseTo(expected, within(1e-6));
    assertThat(adam.updates()).isEqualTo(2);
  }

  @Test
  void clipsByTheGlobalNormAcrossParameters() {
    Parameter a = add("a", 0f);
    Parameter b = add("b", 0f);
    ShardedAdamW adam = new ShardedAdamW(params, ParameterGroups.uniform(), PLAIN.withMaxGradNorm(1.0),
        LearningRateSchedule.constant(0.1), new SingleProcessCollectives());
    setGrad(a, 3f);
    setGrad(b, 4f);
    OptimizerStep step = adam.step();
    assertThat(step.gradientNorm()).isCloseTo(5.0, within(1e-6));
    // The first moment sees the clipped gradient (0.6, 0.8) scaled by 1 − β1.
    OptimizerState s = adam.exportState();
    assertThat(s.m()).containsExactly(new float[] {0.06f, 0.08f}, within(1e-6f));
  }

  @Test
  void accumulatesMicroBatchesIntoOneAveragedUpdate() {
    Parameter a = add("a", 0f, 0f);
    ShardedAdamW adam = new ShardedAdamW(params, ParameterGroups.uniform(), PLAIN.withAccumulationSteps(2),
        LearningRateSchedule.constant(0.1), new SingleProcessCollectives());
    setGrad(a, 1f, 2f);
    OptimizerStep first = adam.step();
    assertThat(first.applied()).isFalse();
    assertThat(a.getArray().toFloatArray()).containsExactly(0f, 0f);
    setGrad(a, 3f, -2f);
    OptimizerStep second = adam.step();
    assertThat(second.applied()).isTrue();
    // mean gradient (2, 0) → m = 0.1·(2, 0)
    assertThat(adam.exportState().m()).containsExactly(new float[] {0.2f, 0f}, within(1e-6f));
    try (NDArray g = a.getArray().getGradient()) {
      assertThat(g.toFloatArray()).containsExactly(0f, 0f);
    }
  }

  @Test
  void skipsANonFiniteGradientWithoutTouchingParameters() {
    Parameter a = add("a", 1f, 2f);
    ShardedAdamW adam = new ShardedAdamW(params, ParameterGroups.uniform(), PLAIN,
        LearningRateSchedule.constant(0.1), new SingleProcessCollectives());
    setGrad(a, Float.NaN, 1f);
    OptimizerStep step = adam.step();
    assertThat(step.applied()).isFalse();
    assertThat(step.nonFiniteGradient()).isTrue();
    assertThat(a.getArray().toFloatArray()).containsExactly(1f, 2f);
    assertThat(adam.updates()).isZero();
  }

  @Test
  void exportedStateResumesExactlyWhereItLeftOff() {
    try (NDManager m2 = NDManager.newBaseManager()) {
      TinyProblem straight = new TinyProblem(manager);
      ShardedAdamW a = straight.optimizer(new SingleProcessCollectives());
      for (int t = 0; t < 4; t++) {
        straight.addGradient(t, 0, 1);
        a.step();
      }
      TinyProblem resumed = new TinyProblem(m2);
      resumed.setValues(straight.values());
      ShardedAdamW b = resumed.optimizer(new SingleProcessCollectives());
      b.importState(a.exportState());
      for (int t = 4; t < 8; t++) {
        straight.addGradient(t, 0, 1);
        a.step();
        resumed.addGradient(t, 0, 1);
        b.step();
      }
      assertThat(resumed.values()).containsExactly(straight.values());
      assertThat(b.updates()).isEqualTo(8);
    }
  }
}
