package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint and launcher run as real processes with a fake next program on PATH: each
 * must exec (keep its PID, so the kubelet's SIGTERM lands on the trainer) and pass arguments through.
 */
class EntrypointTest {
    /** Records its PID and arguments, then waits; on SIGTERM it records the signal and exits 143 like a JVM. */
    private static final String FAKE = """
            #!/bin/sh
            printf '%s\\n' "$@" > "$RECORD_DIR/args.tmp" && mv "$RECORD_DIR/args.tmp" "$RECORD_DIR/args"
            trap 'echo TERM > "$RECORD_DIR/signal"; exit 143' TERM
            echo "$$" > "$RECORD_DIR/pid.tmp" && mv "$RECORD_DIR/pid.tmp" "$RECORD_DIR/pid"
            while :; do sleep 0.05; done
            """;

    @Test
    void entrypointExecsVclipTrainWithItsArgumentsAndTheTrainerGetsSigterm(@TempDir Path dir) throws Exception {
        Path fakeBin = fakeProgram(dir, "vclip");
        Process process = start(dir, fakeBin, RepoPaths.dockerDir().resolve("entrypoint.sh"), "--resume", "a b");

        long pid = awaitPid(dir, process);
        assertThat(pid).as("vclip runs in the entrypoint's own process (exec)").isEqualTo(process.pid());
        assertThat(Files.readAllLines(dir.resolve("args"))).containsExactly("train", "--resume", "a b");

        process.destroy(); // SIGTERM, as the kubelet sends on pod deletion or preemption
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("signal")).trim()).isEqualTo("TERM");
        assertThat(process.exitValue()).isEqualTo(143);
    }

    @Test
    void launcherExecsJavaWithTheImageClasspathAndMainClass(@TempDir Path dir) throws Exception {
        Path fakeBin = fakeProgram(dir, "java");
        Process process = start(dir, fakeBin, RepoPaths.dockerDir().resolve("bin/vclip"), "train", "--x");

        assertThat(awaitPid(dir, process)).isEqualTo(process.pid());
        List<String> args = Files.readAllLines(dir.resolve("args"));
        assertThat(args).containsSubsequence(
                "-cp", "/opt/vclip/vclip-trainer.jar:/opt/vclip/lib/*", "io.vclip.trainer.cli.VclipCommand", "train", "--x");
        assertThat(args).contains("-XX:+ExitOnOutOfMemoryError");
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void entrypointFailsClearlyWhenVclipIsMissing(@TempDir Path dir) throws Exception {
        Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        ExternalCommand.Result result = ExternalCommand.run(dir,
                List.of("/bin/sh", RepoPaths.dockerDir().resolve("entrypoint.sh").toString()),
                Map.of("PATH", emptyBin.toString()));
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.output()).contains("vclip");
    }

    private static Path fakeProgram(Path dir, String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve(name);
        Files.writeString(fake, FAKE);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static Process start(Path dir, Path fakeBin, Path script, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
        builder.environment().put("RECORD_DIR", dir.toString());
        builder.environment().remove("VCLIP_JAVA_OPTS");
        return builder.start();
    }

    private static long awaitPid(Path dir, Process process) throws Exception {
        Path pidFile = dir.resolve("pid");
        for (int i = 0; i < 200 && !Files.exists(pidFile); i++) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ": " + Files.readString(dir.resolve("out.log")));
            }
            Thread.sleep(50);
        }
        return Long.parseLong(Files.readString(pidFile).trim());
    }
}
