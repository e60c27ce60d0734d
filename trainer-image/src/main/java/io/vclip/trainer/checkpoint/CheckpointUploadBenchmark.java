package io.vclip.trainer.checkpoint;

import io.opentelemetry.api.metrics.MeterProvider;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.MinioObjectStore;
import io.vclip.trainer.storage.S3Uri;
import io.vclip.trainer.telemetry.TrainerMetrics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long a checkpoint of a ViT-B/32-sized parameter set plus AdamW state takes through
 * {@link AsyncCheckpointWriter}, next to a raw multipart PUT of the same bytes, both to an embedded
 * S3 server (S3Proxy, filesystem backend) on this machine. See docs/benchmarks-checkpoint.md.
 */
@Command(name = "checkpoint-upload-benchmark", mixinStandardHelpOptions = true,
    description = "Time a checkpoint upload through the writer next to a raw PUT of the same bytes.")
public final class CheckpointUploadBenchmark implements Callable<Integer> {
  // X-CLIP ViT-B/32 (CLIP B/32 ~151M parameters incl. the text tower): fp32 params + AdamW m and v ≈ 1.8 GB.
  static final long VIT_B32_PARAMS = 151_000_000L;

  @Option(names = "--params", description = "Number of model parameters (default ${DEFAULT-VALUE}).")
  long params = VIT_B32_PARAMS;

  @Option(names = "--repeats", description = "Measured rounds (default ${DEFAULT-VALUE}).")
  int repeats = 2;

  @Option(names = "--dir", description = "Work folder for the S3 server's files and snapshots (default: a temp folder).")
  Path dir;

  private final PrintStream out;

  CheckpointUploadBenchmark(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new CheckpointUploadBenchmark(System.out)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (params < 1 || params > Integer.MAX_VALUE - 8) throw new CommandLine.ParameterException(
        new CommandLine(this), "--params must be 1.." + (Integer.MAX_VALUE - 8));
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("vclip-ckpt-bench");
    CheckpointState state = state((int) params);
    double gb = state.tensorBytes() / 1e9;
    out.printf("checkpoint upload benchmark: %,d parameters, fp32 params + AdamW m,v = %.3f GB, 1 rank, embedded S3 (filesystem) on loopback%n",
        params, gb);
    try (EmbeddedS3Server server = EmbeddedS3Server.filesystem(work.resolve("s3"), 0);
        MinioObjectStore s3 = server.store("bench", "runs")) {
      TrainerMetrics metrics = new TrainerMetrics(MeterProvider.noop().get("bench"));
      CheckpointStore plain = new CheckpointStore(s3, "bench", 1);
      for (int round = 1; round <= repeats; round++) {
        // Raw PUT: the same bytes as one file, uploaded multipart by the S3 client, nothing else.
        PreparedShard file = plain.prepare(round, 0, 1, state, work.resolve("raw"));
        long t0 = System.nanoTime();
        s3.put("raw/round-" + round + ".bin", file.file());
        double rawSeconds = seconds(t0);
        plain.discard(file);
        s3.delete("raw/round-" + round + ".bin");

        try (AsyncCheckpointWriter writer = new AsyncCheckpointWriter(s3, "bench", 1, work.resolve("snapshots"),
            Barrier.NONE, metrics, RetryPolicy.DEFAULT)) {
          long t1 = System.nanoTime();
          writer.submit(round, 0, 1, state, new TrainingProgress(1.0, 1.0));
          double stallSeconds = seconds(t1);
          writer.awaitIdle(Duration.ofHours(1));
          double totalSeconds = seconds(t1);
          Manifest m = writer.lastCommitted().orElseThrow(() -> new IllegalStateException(
              "the checkpoint did not commit: " + writer.lastFailure().map(Throwable::getMessage).orElse("?")));
          long t2 = System.nanoTime();
          writer.store().latest();
          double verifySeconds = seconds(t2);
          out.printf("round %d: raw PUT %.2f s (%.0f MB/s) | checkpoint writer %.2f s total (%.0f MB/s): "
                  + "training stalled %.2f s for the snapshot, upload+commit %.2f s in the background | "
                  + "latest() verify %.2f s | %.2fx raw%n",
              round, rawSeconds, m.totalBytes() / 1e6 / rawSeconds, totalSeconds, m.totalBytes() / 1e6 / totalSeconds,
              stallSeconds, totalSeconds - stallSeconds, verifySeconds, totalSeconds / rawSeconds);
        }
      }
    } finally {
      if (dir == null) deleteTree(work);
    }
    return 0;
  }

  /** Parameters in ViT-like tensors of at most 768×3072, and AdamW moments of the same length. */
  static CheckpointState state(int params) {
    SplittableRandom random = new SplittableRandom(7);
    Map<String, FloatTensor> model = new LinkedHashMap<>();
    int left = params;
    for (int i = 0; left > 0; i++) {
      int n = Math.min(left, 768 * 3072);
      model.put("block" + i + ".weight", FloatTensor.vector(randoms(random, n)));
      left -= n;
    }
    return new CheckpointState(model, OptimizerSlice.adamW(1, params, randoms(random, params), randoms(random, params)),
        CheckpointState.json(Map.of("step", 1)), null, null);
  }

  private static float[] randoms(SplittableRandom random, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) out[i] = (float) random.nextDouble(-1, 1);
    return out;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
