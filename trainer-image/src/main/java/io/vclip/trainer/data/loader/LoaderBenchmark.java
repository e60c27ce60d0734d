package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.shard.ShardWriter;
import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loader figures (docs/benchmarks-data.md): decode throughput for T × 224 px JPEG samples, and the
 * share of step time a tiny training loop spends waiting for data.
 */
@Command(name = "loader-benchmark", mixinStandardHelpOptions = true,
    description = "Measure the streaming loader: samples/s, frames/s per core, data-wait share of a step.")
public final class LoaderBenchmark implements Callable<Integer> {
  @Option(names = "--samples", defaultValue = "320") int samples;
  @Option(names = "--frames", defaultValue = "8") int frames;
  @Option(names = "--size", defaultValue = "224") int size;
  @Option(names = "--batch", defaultValue = "16") int batch;
  @Option(names = "--workers", defaultValue = "0", description = "decode threads (default: cores)") int workers;
  @Option(names = "--step-ms", defaultValue = "200", description = "CPU work per simulated training step") int stepMs;
  @Option(names = "--steps", defaultValue = "20") int steps;
  @Option(names = "--dir", description = "shard folder (default: a temporary one)") Path dir;
  @Option(names = "--synthetic", description = "load the synthetic world (PNG; use --size 32..64) instead of JPEG scenes")
  boolean synthetic;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoaderBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = workers > 0 ? workers : cores;
    Path root = dir != null ? dir : Files.createTempDirectory("vclip-loader-bench-");
    ObjectStore store = new FileSystemObjectStore(root);
    long t0 = System.nanoTime();
    long bytes = writeDataSet(store);
    double genS = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "data set: %d samples x %d frames of %dx%d %s, %.1f MB in %.1f s (%s)%n",
        samples, frames, size, size, synthetic ? "synthetic-world PNG" : "JPEG (q 0.9)", bytes / 1e6, genS, root);
    System.out.printf(Locale.ROOT, "machine: %d cores; loader: %d decode threads, batch %d%n", cores, threads, batch);

    LoaderConfig config = new LoaderConfig(batch, frames, size, size, 256, 1L, threads, 2);
    try (VideoDataLoader loader = VideoDataLoader.open(store, config, 0, 1, LoaderPosition.START)) {
      int perEpoch = loader.batchesPerEpoch();
      for (int i = 0; i < Math.min(2, perEpoch); i++) loader.next(); // JIT warm-up
      int measured = Math.max(1, perEpoch * 2 - 2);
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      for (int i = 0; i < measured; i++) loader.next();
      double s = (System.nanoTime() - start) / 1e9;
      double cpu = (processCpuNanos() - cpuStart) / 1e9;
      double n = measured * (double) batch;
      // Per core = per CPU-second the process really got: on a shared machine wall time overstates cost.
      System.out.printf(Locale.ROOT, "throughput: %.1f samples/s, %.0f frames/s (wall, %d batches); per core: "
          + "%.1f samples/s, %.0f frames/s (%.1f CPU-s used in %.1f s)%n", n / s, n * frames / s, measured,
          n / cpu, n * frames / cpu, cpu, s);
      System.out.printf(Locale.ROOT, "decode cores needed to keep up with a %d ms step of batch %d: %.2f%n",
          stepMs, batch, batch / (stepMs / 1000.0) / (n / cpu));
    }

    try (VideoDataLoader loader = VideoDataLoader.open(store, config, 0, 1, LoaderPosition.START)) {
      loader.next();
      long waitBefore = loader.dataWaitNanos();
      long start = System.nanoTime();
      double sink = 0;
      for (int i = 0; i < steps; i++) {
        Batch b = loader.next();
        sink += simulatedStep(b, stepMs);
      }
      double total = (System.nanoTime() - start) / 1e9;
      double wait = (loader.dataWaitNanos() - waitBefore) / 1e9;
      System.out.printf(Locale.ROOT, "training loop: %d steps of %d ms CPU work, %.2f s/step, data wait %.1f%% of "
          + "step time (%.3f s/step) [checksum %.1f]%n", steps, stepMs, total / steps, 100 * wait / total,
          wait / steps, sink);
    }
    return 0;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  // Busy arithmetic over the batch, standing in for forward/backward on the training thread.
  private static double simulatedStep(Batch b, int ms) {
    long end = System.nanoTime() + ms * 1_000_000L;
    double acc = 0;
    var frames = b.frames();
    int n = frames.limit();
    int i = 0;
    while (System.nanoTime() < end) {
      for (int k = 0; k < 4096; k++, i = (i + 7919) % n) acc += frames.get(i) * 1e-6;
    }
    return acc;
  }

  private long writeDataSet(ObjectStore store) {
    Random random = new Random(7);
    ShardWriter writer = ShardWriter.startNew(store,
        new ShardWriter.Options(64L << 20, synthetic ? FrameFormat.png() : FrameFormat.jpeg(0.9f), frames));
    io.vclip.trainer.data.synthetic.SyntheticWorld world = synthetic
        ? new io.vclip.trainer.data.synthetic.SyntheticWorld(new io.vclip.trainer.data.synthetic.WorldConfig(7, frames, size, 3, 4))
        : null;
    for (int i = 0; i < samples; i++) {
      if (world != null) {
        writer.write(world.sample(i));
        continue;
      }
      List<BufferedImage> images = new ArrayList<>(frames);
      for (int t = 0; t < frames; t++) images.add(scene(random, size));
      writer.write(new VideoSample(String.format("bench%06d", i), images,
          new Captions("bench-" + i, List.of("benchmark clip " + i), List.of("clip " + i), null, null)));
    }
    writer.close();
    return writer.index().shards().stream().mapToLong(e -> e.bytes()).sum();
  }

  /** A cluttered frame (shapes over a gradient) so JPEG sizes and decode cost resemble real video. */
  private static BufferedImage scene(Random random, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt()), size, size, new Color(random.nextInt())));
    g.fillRect(0, 0, size, size);
    for (int k = 0; k < 40; k++) {
      g.setColor(new Color(random.nextInt()));
      int w = 4 + random.nextInt(size / 3);
      g.fillOval(random.nextInt(size), random.nextInt(size), w, 4 + random.nextInt(size / 3));
    }
    g.dispose();
    return img;
  }
}
