package io.vclip.trainer.distributed;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Launches W real JVMs ({@code java -cp <this test class path> mainClass args}) with the operator's
 * environment contract on loopback, and collects their exit codes and output.
 */
public final class WorkerGroup {

  /** How one worker ended. */
  public record Outcome(int rank, int exitCode, String output) {}

  private WorkerGroup() {}

  public static List<Outcome> run(int worldSize, Class<?> mainClass, List<String> args, Path logDir, long timeoutSeconds)
      throws IOException, InterruptedException {
    int port = freePort();
    String runId = "test-" + UUID.randomUUID();
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int rank = 0; rank < worldSize; rank++) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"),
          mainClass.getName()));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> env = builder.environment();
      env.put("MASTER_ADDR", "127.0.0.1");
      env.put("MASTER_PORT", Integer.toString(port));
      env.put("WORLD_SIZE", Integer.toString(worldSize));
      env.put("RANK", Integer.toString(rank));
      env.put("LOCAL_WORLD_SIZE", "1");
      env.put("VCLIP_RUN_ID", runId);
      env.put("DJL_OFFLINE", "true");
      Path log = logDir.resolve("rank-" + rank + ".log");
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      processes.add(builder.start());
      logs.add(log);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int rank = 0; rank < worldSize; rank++) {
      Process p = processes.get(rank);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        processes.forEach(Process::destroyForcibly);
        throw new AssertionError("rank " + rank + " did not finish within " + timeoutSeconds + "s:\n"
            + Files.readString(logs.get(rank), StandardCharsets.UTF_8));
      }
      outcomes.add(new Outcome(rank, p.exitValue(), Files.readString(logs.get(rank), StandardCharsets.UTF_8)));
    }
    return outcomes;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
