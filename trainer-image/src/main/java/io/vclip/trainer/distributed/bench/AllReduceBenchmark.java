package io.vclip.trainer.distributed.bench;

import io.vclip.trainer.distributed.CollectiveBuffers;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import io.vclip.trainer.distributed.gloo.GlooCollectives;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Gloo all-reduce bandwidth on loopback for 1 MB – 256 MB next to a memcpy of the same bytes, and
 * the ZeRO-1 exchange (reduce-scatter + all-gather) of the same bytes. Run
 * without RANK set, it launches {@code --world-size} worker processes of itself with the operator's
 * env contract; rank 0 prints the table. See docs/benchmarks-distributed.md.
 */
@Command(name = "allreduce-benchmark", mixinStandardHelpOptions = true,
    description = "Gloo all-reduce bandwidth over loopback next to a memcpy baseline.")
public final class AllReduceBenchmark implements Callable<Integer> {

  @Option(names = "--world-size", defaultValue = "2", description = "worker processes (default ${DEFAULT-VALUE})")
  int worldSize;

  @Option(names = "--min-mb", defaultValue = "1", description = "smallest message in MiB (default ${DEFAULT-VALUE})")
  int minMb;

  @Option(names = "--max-mb", defaultValue = "256", description = "largest message in MiB (default ${DEFAULT-VALUE})")
  int maxMb;

  @Option(names = "--seconds", defaultValue = "2", description = "time budget per size (default ${DEFAULT-VALUE})")
  double seconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AllReduceBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (System.getenv(RendezvousEnv.RANK) == null) {
      return launch();
    }
    RendezvousEnv env = RendezvousEnv.fromEnv(System.getenv());
    try (Collectives c = GlooCollectives.connect(env, Duration.ofSeconds(60), Duration.ofMinutes(5))) {
      measure(c);
    }
    return 0;
  }

  private int launch() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<Process> workers = new ArrayList<>();
    for (int rank = 0; rank < worldSize; rank++) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:MaxDirectMemorySize=2g", "-cp", System.getProperty("java.class.path"),
          AllReduceBenchmark.class.getName(),
          "--world-size=" + worldSize, "--min-mb=" + minMb, "--max-mb=" + maxMb, "--seconds=" + seconds));
      ProcessBuilder b = new ProcessBuilder(command).inheritIO();
      b.environment().put(RendezvousEnv.MASTER_ADDR, "127.0.0.1");
      b.environment().put(RendezvousEnv.MASTER_PORT, Integer.toString(port));
      b.environment().put(RendezvousEnv.WORLD_SIZE, Integer.toString(worldSize));
      b.environment().put(RendezvousEnv.RANK, Integer.toString(rank));
      b.environment().put(RendezvousEnv.RUN_ID, "allreduce-benchmark");
      if (rank > 0) {
        b.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      }
      workers.add(b.start());
    }
    int worst = 0;
    for (Process p : workers) {
      worst = Math.max(worst, p.waitFor());
    }
    return worst;
  }

  private void measure(Collectives c) {
    boolean print = c.rank() == 0;
    if (print) {
      System.out.printf(Locale.ROOT, "Gloo all-reduce (sum, float32), %d processes on 127.0.0.1, %d cores%n",
          c.worldSize(), Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "%8s %12s %12s %12s %12s %14s %8s%n",
          "size", "all-reduce", "algbw GB/s", "busbw GB/s", "memcpy GB/s", "rs+ag (ZeRO)", "iters");
    }
    for (int mb = minMb; mb <= maxMb; mb *= 2) {
      long bytes = (long) mb << 20;
      ByteBuffer data = CollectiveBuffers.allocate(bytes / Float.BYTES);
      c.allReduce(data, ReduceOp.SUM); // warm-up: first use sets up buffers and pages
      int iterations = agreedIterations(c, data);
      c.barrier();
      long start = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        c.allReduce(data, ReduceOp.SUM);
      }
      double perOp = (System.nanoTime() - start) / 1e9 / iterations;
      double zero = zeroExchangeSeconds(c, data, iterations);
      if (print) {
        double algbw = bytes / perOp / 1e9;
        // Ring all-reduce moves 2(W−1)/W of the buffer through each rank's link (NCCL-tests' "bus bandwidth").
        double busbw = algbw * 2.0 * (c.worldSize() - 1) / c.worldSize();
        System.out.printf(Locale.ROOT, "%6dMB %10.2fms %12.2f %12.2f %12.2f %12.2fms %8d%n",
            mb, perOp * 1e3, algbw, busbw, memcpyBandwidth(bytes), zero * 1e3, iterations);
      }
      data = null;
      if (mb * 2 > maxMb || mb * 2 <= 0) {
        break;
      }
    }
  }

  /** One reduce-scatter + all-gather of the same bytes: what ShardedAdamW does per update instead. */
  private static double zeroExchangeSeconds(Collectives c, ByteBuffer data, int iterations) {
    int chunk = CollectiveBuffers.floatCount(data, "data") / c.worldSize();
    ByteBuffer all = data.duplicate().order(data.order()).limit(chunk * c.worldSize() * Float.BYTES);
    ByteBuffer mine = CollectiveBuffers.allocate(chunk);
    c.reduceScatter(all, mine, ReduceOp.SUM); // warm-up: builds the cached Gloo plan
    c.barrier();
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      c.reduceScatter(all, mine, ReduceOp.SUM);
      c.allGather(mine, all);
    }
    return (System.nanoTime() - start) / 1e9 / iterations;
  }

  /** Rank 0 decides how many iterations fit the time budget and tells the others. */
  private int agreedIterations(Collectives c, ByteBuffer data) {
    long start = System.nanoTime();
    c.allReduce(data, ReduceOp.SUM);
    double one = (System.nanoTime() - start) / 1e9;
    ByteBuffer n = CollectiveBuffers.allocate(1);
    n.putFloat(0, (float) Math.max(2, Math.min(200, Math.floor(seconds / Math.max(one, 1e-6)))));
    c.broadcast(n, 0);
    return (int) n.getFloat(0);
  }

  private static double memcpyBandwidth(long bytes) {
    ByteBuffer src = ByteBuffer.allocateDirect((int) bytes);
    ByteBuffer dst = ByteBuffer.allocateDirect((int) bytes);
    dst.put(src.duplicate()).clear(); // warm-up: touch every page
    int iterations = (int) Math.max(3, Math.min(100, (2L << 30) / bytes));
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      dst.clear();
      dst.put(src.duplicate());
    }
    return bytes * (double) iterations / ((System.nanoTime() - start) / 1e9) / 1e9;
  }
}
