package io.vclip.trainer.distributed;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.vclip.trainer.distributed.gloo.GlooCollectives;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.time.Duration;

/**
 * One rank of the multi-process collective tests (a real JVM per rank). Checks every result itself
 * and prints "OK name" per check; any failed check exits non-zero with the reason.
 *
 * <p>Scenarios: {@code collectives <floats>}, {@code peer-death}, {@code peer-hang}.
 */
public final class CollectivesWorker {

  public static void main(String[] args) throws InterruptedException {
    RendezvousEnv env = RendezvousEnv.fromEnv(System.getenv());
    Duration operationTimeout = Duration.ofSeconds(args[0].equals("peer-hang") ? 2 : 20);
    try (Collectives c = GlooCollectives.connect(env, Duration.ofSeconds(30), operationTimeout)) {
      switch (args[0]) {
        case "collectives" -> collectives(c, Integer.parseInt(args[1]));
        case "peer-death" -> peerDeath(c);
        case "peer-hang" -> peerHang(c);
        default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
      }
    }
    System.out.println("DONE rank " + env.rank());
    System.exit(0);
  }

  /** Value of element i on rank r: distinct per rank and exact in float32. */
  static float value(int rank, int i) {
    return rank * 1000 + (i % 4096);
  }

  private static void collectives(Collectives c, int n) {
    int w = c.worldSize();
    int r = c.rank();

    ByteBuffer data = filled(n, r);
    c.allReduce(data, ReduceOp.SUM);
    check("all-reduce sum", data, i -> sumOverRanks(w, i));
    data = filled(n, r);
    c.allReduce(data, ReduceOp.AVG);
    check("all-reduce avg", data, i -> sumOverRanks(w, i) / w);

    int chunk = (n + w - 1) / w;
    ByteBuffer input = filled(chunk * w, r);
    ByteBuffer mine = CollectiveBuffers.allocate(chunk);
    c.reduceScatter(input, mine, ReduceOp.SUM);
    check("reduce-scatter", mine, i -> sumOverRanks(w, r * chunk + i));
    // Same size again: the shim's cached scratch buffer must not leak the previous result.
    input = filled(chunk * w, r + 1);
    c.reduceScatter(input, mine, ReduceOp.AVG);
    check("reduce-scatter again", mine, i -> {
      float s = 0;
      for (int q = 0; q < w; q++) {
        s += value(q + 1, r * chunk + i);
      }
      return s / w;
    });

    ByteBuffer part = filled(n, r);
    ByteBuffer all = CollectiveBuffers.allocate((long) n * w);
    c.allGather(part, all);
    check("all-gather", all, i -> value(i / n, i % n));

    ByteBuffer b = r == w - 1 ? filled(n, 7) : CollectiveBuffers.allocate(n);
    c.broadcast(b, w - 1);
    check("broadcast", b, i -> value(7, i));

    c.barrier();
    System.out.println("OK barrier");

    try (NDManager m = NDManager.newBaseManager()) {
      NDArray t = m.arange(0f, 6f).reshape(2, 3).add(r);
      c.allReduce(t, ReduceOp.SUM);
      float[] got = t.toFloatArray();
      for (int i = 0; i < 6; i++) {
        float want = w * i + w * (w - 1) / 2f;
        if (got[i] != want) {
          throw new AssertionError("NDArray all-reduce [" + i + "] = " + got[i] + ", want " + want);
        }
      }
      System.out.println("OK ndarray all-reduce in place");
      gatherKeepsLocalGradient(c, m);
    }
  }

  private static void gatherKeepsLocalGradient(Collectives c, NDManager m) {
    int w = c.worldSize();
    int r = c.rank();
    GlobalBatchGather gather = new GlobalBatchGather(c);
    NDArray local = m.create(new float[] {r + 1f, r + 2f, r + 3f, r + 4f}, new Shape(2, 2));
    local.setRequiresGradient(true);
    NDArray weights = m.arange(0f, 4f * w).reshape(2L * w, 2);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray global = gather.gather(local);
      float[] g = global.toFloatArray();
      for (int q = 0; q < w; q++) {
        for (int k = 0; k < 4; k++) {
          if (g[q * 4 + k] != q + 1f + k) {
            throw new AssertionError("gathered row block " + q + " [" + k + "] = " + g[q * 4 + k]);
          }
        }
      }
      gc.backward(global.mul(weights).sum());
    }
    float[] grad = local.getGradient().toFloatArray();
    for (int k = 0; k < 4; k++) {
      if (grad[k] != r * 4 + k) {
        throw new AssertionError("local gradient [" + k + "] = " + grad[k] + ", want " + (r * 4 + k));
      }
    }
    System.out.println("OK gather gradient reaches the local slice");

    NDArray uneven = m.zeros(new Shape(2 + r, 2));
    try {
      gather.gather(uneven);
      throw new AssertionError("gather accepted different batch sizes");
    } catch (IllegalStateException e) {
      if (!e.getMessage().contains("rank 0: 2×2, rank 1: 3×2")) {
        throw new AssertionError("unhelpful message: " + e.getMessage());
      }
      System.out.println("OK gather rejects uneven batches: " + e.getMessage());
    }
  }

  private static void peerDeath(Collectives c) {
    ByteBuffer data = filled(1024, c.rank());
    c.allReduce(data, ReduceOp.SUM);
    System.out.println("OK first all-reduce");
    if (c.rank() == 1) {
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
    try {
      c.allReduce(filled(1 << 20, c.rank()), ReduceOp.SUM);
      System.out.println("NO EXCEPTION after the peer died");
      System.exit(3);
    } catch (CollectiveException e) {
      System.out.println("CAUGHT " + e.getClass().getSimpleName() + ": " + e.getMessage());
      c.close();
      System.out.println("CLOSED after the failure");
      System.exit(0);
    }
  }

  /** Rank 1 stops calling collectives without dying; rank 0 must fail after its operation timeout. */
  private static void peerHang(Collectives c) throws InterruptedException {
    c.barrier();
    if (c.rank() == 1) {
      Thread.sleep(4000);
      Runtime.getRuntime().halt(0);
    }
    long start = System.nanoTime();
    try {
      c.allReduce(filled(1024, 0), ReduceOp.SUM);
      System.out.println("NO EXCEPTION from a hung peer");
      System.exit(3);
    } catch (CollectiveException e) {
      System.out.printf("CAUGHT after %.1fs: %s%n", (System.nanoTime() - start) / 1e9, e.getMessage());
      System.exit(0);
    }
  }

  private static float sumOverRanks(int w, int i) {
    float s = 0;
    for (int q = 0; q < w; q++) {
      s += value(q, i);
    }
    return s;
  }

  private static ByteBuffer filled(int n, int rank) {
    ByteBuffer b = CollectiveBuffers.allocate(n);
    FloatBuffer f = b.asFloatBuffer();
    for (int i = 0; i < n; i++) {
      f.put(i, value(rank, i));
    }
    return b;
  }

  private interface Expected {
    float at(int i);
  }

  private static void check(String name, ByteBuffer buffer, Expected expected) {
    FloatBuffer f = CollectiveBuffers.floats(buffer);
    for (int i = 0; i < f.limit(); i++) {
      if (f.get(i) != expected.at(i)) {
        throw new AssertionError(name + ": element " + i + " = " + f.get(i) + ", want " + expected.at(i));
      }
    }
    System.out.println("OK " + name + " (" + f.limit() + " floats)");
  }
}
