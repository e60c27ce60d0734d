package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images run libtorch from PYTORCH_LIBRARY_PATH with the native jar deleted. This stages the real CPU
 * jar with the image's script and starts a JVM with the image's DJL environment and no native jar on the
 * class path (surefire excludes it): offline, DJL could only succeed through the staged folder.
 */
class LibtorchStagingTest {
    private static final Path SCRIPT = RepoPaths.dockerDir().resolve("stage-libtorch.sh");
    private static final String VERSION = System.getProperty("vclip.pytorch.native.version");

    @Test
    void stagedLibtorchLoadsOfflineWithoutTheNativeJar(@TempDir Path dir) throws Exception {
        Path lib = stageLibDirWithTheRealJar(dir);
        Path libtorch = dir.resolve("opt/libtorch");

        // Relative paths, as the Dockerfiles pass them from their WORKDIR.
        ExternalCommand.Result staged = ExternalCommand.run(dir,
                List.of("/bin/sh", SCRIPT.toString(), "target/lib", "opt/libtorch", "cpu", VERSION));
        assertThat(staged.ok()).as(staged.output()).isTrue();
        assertThat(libtorch.resolve("libtorch_cpu.so")).isRegularFile();
        assertThat(libtorch.resolve("libc10.so")).isRegularFile();
        try (var left = Files.list(lib)) {
            assertThat(left).as("the native jar is gone from lib/").isEmpty();
        }

        String classPath = System.getProperty("java.class.path");
        assertThat(classPath).as("the probe must not find libtorch in a jar").doesNotContain("pytorch-native");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ExternalCommand.Result probe = ExternalCommand.run(dir,
                List.of(javaBin, "-cp", classPath, EngineProbe.class.getName()),
                Map.of("DJL_OFFLINE", "true",
                        "DJL_CACHE_DIR", dir.resolve("tmp/djl").toString(),
                        "PYTORCH_LIBRARY_PATH", libtorch.toString(),
                        "PYTORCH_VERSION", VERSION,
                        "PYTORCH_FLAVOR", "cpu"));
        assertThat(probe.ok()).as(probe.output()).isTrue();
        assertThat(probe.output()).contains("engine=" + VERSION, "sum=6.5");
    }

    @Test
    void refusesAJarOfAnotherVersionOrFlavorNamingIt(@TempDir Path dir) throws Exception {
        Path lib = stageLibDirWithTheRealJar(dir);
        ExternalCommand.Result wrongVersion = ExternalCommand.run(dir,
                List.of("/bin/sh", SCRIPT.toString(), lib.toString(), dir.resolve("out").toString(), "cpu", "9.9.9"));
        assertThat(wrongVersion.exitCode()).isEqualTo(1);
        assertThat(wrongVersion.output()).contains("pytorch-native-cpu", "but PYTORCH_VERSION is 9.9.9");

        ExternalCommand.Result noJar = ExternalCommand.run(dir,
                List.of("/bin/sh", SCRIPT.toString(), lib.toString(), dir.resolve("out").toString(), "cu121", VERSION));
        assertThat(noJar.exitCode()).isEqualTo(1);
        assertThat(noJar.output()).contains("expected exactly one pytorch-native-cu121-*.jar in " + lib);
    }

    /** A lib/ folder like the Maven build's, holding (a link to) the real CPU native jar from the local repository. */
    private static Path stageLibDirWithTheRealJar(Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("vclip.pytorch.native.jar"));
        assertThat(jar).as("pytorch-native-cpu jar resolved by Maven").isRegularFile();
        Path lib = Files.createDirectories(dir.resolve("target/lib"));
        Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
        return lib;
    }
}
