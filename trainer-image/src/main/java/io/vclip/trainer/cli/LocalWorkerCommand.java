package io.vclip.trainer.cli;

import java.nio.file.Path;
import java.util.List;

/** The command line of one local rank ({@code java … vclip train}), shared by {@code vclip run}, {@code vclip ablation} and {@code vclip bench --world}. */
final class LocalWorkerCommand {
  private LocalWorkerCommand() {}

  static List<String> forReplicas(int replicas) {
    // Ranks share this machine's cores: libtorch's intra-op threads busy-wait, so more threads than
    // cores per rank make every step many times slower (measured: 0.13 s → 1.5–11 s per tiny step).
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / replicas);
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1",
        "-cp", System.getProperty("java.class.path"), VclipCommand.class.getName(), "train");
  }
}
