package io.vclip.trainer.distributed.optim;

import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import io.vclip.trainer.distributed.CollectiveBuffers;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AdamW with ZeRO-1 sharded state over a {@link Collectives} group. Per update:
 *
 * <ol>
 *   <li>flatten every parameter's gradient into one buffer;
 *   <li>reduce-scatter it (in buckets): rank r receives the reduced gradient of its shard only;
 *   <li>global gradient norm = √(all-reduce of the shards' squared norms) — shards are disjoint and
 *       padding is zero, so this is the exact norm of the whole gradient; clip by it;
 *   <li>AdamW on the shard, with the shard's own m and v (each rank holds 1/W of the state);
 *   <li>all-gather the updated shards into every rank's parameters.
 * </ol>
 *
 * <p>Gradient accumulation: the caller runs forward/backward on each micro-batch and calls {@link
 * #step()} after each; gradients add up in the tensors (DJL never zeroes them) and every {@code
 * accumulationSteps}-th call averages them, updates, and zeroes them.
 */
public final class ShardedAdamW {
  /** 4M floats (16 MB) per rank and bucket: large enough for Gloo's bandwidth, small in staging memory. */
  public static final int DEFAULT_BUCKET_FLOATS = 4 << 20;

  private final Collectives collectives;
  private final AdamWSettings settings;
  private static final Logger LOG = LoggerFactory.getLogger(ShardedAdamW.class);
  private final LearningRateSchedule schedule;
  private final FlatParameters parameters;
  private final ShardLayout layout;
  private final ShardExchange exchange;
  private final List<Segment> segments;
  private final ByteBuffer flat;
  private final ByteBuffer shardGradient;
  private final ByteBuffer shardValues;
  private final ByteBuffer normSquared = CollectiveBuffers.allocate(1);
  private float[] m;
  private float[] v;
  private long updates;
  private long microSteps;

  /** A run of this rank's shard that belongs to one parameter (so one learning rate and decay). */
  private record Segment(int from, int length, double learningRateMultiplier, boolean decay) {}

  public ShardedAdamW(PairList<String, Parameter> parameters, ParameterGroups groups, AdamWSettings settings,
      LearningRateSchedule schedule, Collectives collectives) {
    this(parameters, groups, settings, schedule, collectives, DEFAULT_BUCKET_FLOATS);
  }

  public ShardedAdamW(PairList<String, Parameter> parameters, ParameterGroups groups, AdamWSettings settings,
      LearningRateSchedule schedule, Collectives collectives, int bucketFloats) {
    this.collectives = collectives;
    this.settings = settings;
    this.schedule = schedule;
    this.parameters = new FlatParameters(parameters);
    this.layout = new ShardLayout(this.parameters.totalFloats(), collectives.worldSize());
    this.exchange = new ShardExchange(collectives, layout, bucketFloats);
    this.flat = CollectiveBuffers.allocate(layout.paddedFloats());
    this.shardGradient = CollectiveBuffers.allocate(layout.shardFloats());
    this.shardValues = CollectiveBuffers.allocate(layout.shardFloats());
    this.m = new float[layout.shardFloats()];
    this.v = new float[layout.shardFloats()];
    this.segments = segments(groups);
  }

  private List<Segment> segments(ParameterGroups groups) {
    List<Segment> list = new ArrayList<>();
    long start = layout.shardStart(collectives.rank());
    parameters.forEachOverlap(start, layout.realFloats(collectives.rank()), (span, inSpan, inRange, n) -> {
      ParameterGroups.Settings g = groups.settingsFor(span.name());
      list.add(new Segment(inRange, n, g.learningRateMultiplier(), g.weightDecay()));
    });
    return List.copyOf(list);
  }

  /**
   * Call once per micro-batch, after its backward pass. Returns whether an update happened; with
   * a non-finite gradient norm the update is skipped (on every rank alike) and the gradients dropped.
   */
  public OptimizerStep step() {
    long start = System.nanoTime();
    microSteps++;
    if (microSteps % settings.accumulationSteps() != 0) {
      return new OptimizerStep(false, false, updates, schedule.learningRate(updates), Double.NaN, 0, 0);
    }
    parameters.gradientsInto(flat.asFloatBuffer());
    long communication = System.nanoTime();
    exchange.reduceScatter(flat, shardGradient, settings.gradientReduction());
    double gradScale = 1.0 / settings.accumulationSteps();
    double norm = globalNorm() * gradScale;
    communication = System.nanoTime() - communication;
    double lr = schedule.learningRate(updates);
    if (!Double.isFinite(norm)) {
      LOG.warn("gradient norm {}: update skipped; non-finite gradients on this rank in {}", norm,
          parameters.withNonFiniteGradient());
      parameters.zeroGradients();
      return new OptimizerStep(false, true, updates, lr, norm, communication / 1e9,
          (System.nanoTime() - start - communication) / 1e9);
    }
    if (settings.maxGradNorm() > 0 && norm > settings.maxGradNorm()) {
      // Same coefficient as torch.nn.utils.clip_grad_norm_ (with its 1e-6 guard).
      gradScale *= settings.maxGradNorm() / (norm + 1e-6);
    }

    FloatBuffer values = shardValues.asFloatBuffer();
    parameters.valuesInto(layout.shardStart(collectives.rank()), layout.realFloats(collectives.rank()), values, 0);
    FloatBuffer grads = shardGradient.asFloatBuffer();
    long t = updates + 1;
    for (Segment s : segments) {
      AdamWKernel.apply(values, grads, m, v, s.from(), s.length(), t, lr * s.learningRateMultiplier(),
          s.decay() ? settings.weightDecay() : 0, settings, gradScale);
    }
    long gather = System.nanoTime();
    exchange.allGather(shardValues, flat);
    communication += System.nanoTime() - gather;
    parameters.valuesFrom(flat.asFloatBuffer());
    parameters.zeroGradients();
    updates = t;
    return new OptimizerStep(true, false, updates, lr, norm, communication / 1e9,
        (System.nanoTime() - start - communication) / 1e9);
  }

  private double globalNorm() {
    FloatBuffer g = shardGradient.asFloatBuffer();
    double sum = 0;
    for (int i = 0; i < g.limit(); i++) {
      double x = g.get(i);
      sum += x * x;
    }
    normSquared.putFloat(0, (float) sum);
    collectives.allReduce(normSquared, ReduceOp.SUM);
    return Math.sqrt(normSquared.getFloat(0));
  }

  /** Updates taken so far. */
  public long updates() {
    return updates;
  }

  public ShardLayout layout() {
    return layout;
  }

  /** Floats of optimizer state this rank holds (m and v of its shard): ≈ 2N/W. */
  public long stateFloats() {
    return (long) m.length + v.length;
  }

  /** This rank's state for its checkpoint shard (a copy). */
  public OptimizerState exportState() {
    return new OptimizerState(updates, layout.totalFloats(), collectives.rank(), collectives.worldSize(),
        m.clone(), v.clone());
  }

  /**
   * Restores this rank's slice; for a different world size, {@link OptimizerState#reshard} first.
   * Accumulation restarts at a clean update boundary (checkpoints are taken there).
   */
  public void importState(OptimizerState state) {
    if (state.totalFloats() != layout.totalFloats()) {
      throw new IllegalArgumentException("optimizer state covers " + state.totalFloats()
          + " parameter floats but this model has " + layout.totalFloats());
    }
    if (state.worldSize() != collectives.worldSize() || state.rank() != collectives.rank()) {
      throw new IllegalArgumentException("optimizer state is the slice of rank " + state.rank() + " of "
          + state.worldSize() + "; this is rank " + collectives.rank() + " of " + collectives.worldSize()
          + " (reshard it first)");
    }
    m = state.m().clone();
    v = state.v().clone();
    updates = state.updates();
    microSteps = 0;
  }
}
