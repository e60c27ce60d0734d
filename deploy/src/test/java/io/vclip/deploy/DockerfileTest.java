package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** No Docker engine here: the image builds are checked through their inputs. */
class DockerfileTest {
    private static final Path ROOT = RepoPaths.root();

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
    void runsOfflineAsNonRootThroughTheEntrypoint(String name) throws IOException {
        Dockerfile df = Dockerfile.parse(RepoPaths.dockerDir().resolve(name));
        assertThat(df.stages()).as("build stage + runtime stage").hasSize(2);
        String user = df.finalStage().stream().filter(i -> i.keyword().equals("USER"))
                .reduce((a, b) -> b).orElseThrow().arguments();
        assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*"); // numeric, so runAsNonRoot can verify it
        assertThat(df.env("DJL_OFFLINE")).isEqualTo("true");
        assertThat(df.env("DJL_CACHE_DIR")).startsWith("/tmp/");
        assertThat(df.env("PYTORCH_LIBRARY_PATH")).isEqualTo("/opt/libtorch");
        assertThat(df.env("PYTORCH_VERSION")).as("PYTORCH_VERSION = the parent pom's pytorch.native.version")
                .isEqualTo(System.getProperty("vclip.pytorch.native.version"));

        String entrypoint = df.finalStage().stream().filter(i -> i.keyword().equals("ENTRYPOINT"))
                .findFirst().orElseThrow().arguments();
        String[] exec = new ObjectMapper().readValue(entrypoint, String[].class); // exec form: no /bin/sh -c wrapper
        assertThat(exec).containsExactly("/opt/vclip/bin/entrypoint.sh");
        assertThat(df.finalStage()).anyMatch(i -> i.keyword().equals("COPY")
                && i.arguments().equals("trainer-image/docker/entrypoint.sh /opt/vclip/bin/entrypoint.sh"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
    void stagesTheLibtorchFlavorItsEnvNamesAndBuildsThatFlavor(String name) throws IOException {
        Dockerfile df = Dockerfile.parse(RepoPaths.dockerDir().resolve(name));
        String flavor = df.env("PYTORCH_FLAVOR");
        String staging = df.all("RUN").stream().map(Dockerfile.Instruction::arguments)
                .filter(a -> a.startsWith("stage-libtorch.sh")).findFirst().orElseThrow();
        assertThat(staging).isEqualTo("stage-libtorch.sh trainer-image/target/lib /opt/libtorch " + flavor + " "
                + df.env("PYTORCH_VERSION"));
        String maven = df.all("RUN").stream().map(Dockerfile.Instruction::arguments)
                .filter(a -> a.contains("mvn ")).findFirst().orElseThrow();
        if (flavor.equals("cu121")) {
            assertThat(maven).contains(" -Pgpu ");
        } else {
            assertThat(flavor).isEqualTo("cpu");
            assertThat(maven).doesNotContain("-Pgpu");
        }
    }

    @Test
    void gpuImageIsBuiltOnCuda121AndCpuImageOnDebian() throws IOException {
        assertThat(Dockerfile.parse(RepoPaths.dockerDir().resolve("Dockerfile.gpu")).all("ARG"))
                .anyMatch(a -> a.arguments().matches("CUDA_IMAGE=nvidia/cuda:12\\.1\\.\\d+-runtime-ubuntu\\d+\\.\\d+"));
        assertThat(Dockerfile.parse(RepoPaths.dockerDir().resolve("Dockerfile.cpu")).all("ARG"))
                .anyMatch(a -> a.arguments().startsWith("DEBIAN_IMAGE=debian:"));
        String trainerPom = Files.readString(ROOT.resolve("trainer-image/pom.xml"));
        assertThat(trainerPom).contains("pytorch-native-${pytorch.native.flavor}", "<id>gpu</id>",
                "<pytorch.native.flavor>cu121</pytorch.native.flavor>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
    void everyFileCopiedFromTheContextExistsAndIsNotDockerignored(String name) throws IOException {
        DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));
        List<Dockerfile.Instruction> copies = Dockerfile.parse(RepoPaths.dockerDir().resolve(name)).all("COPY");
        int fromContext = 0;
        for (Dockerfile.Instruction copy : copies) {
            List<String> words = copy.words();
            if (words.get(0).startsWith("--from=")) {
                continue;
            }
            fromContext++;
            for (String source : words.subList(0, words.size() - 1)) {
                if (source.startsWith("--")) {
                    continue;
                }
                Path path = ROOT.resolve(source);
                assertThat(path).as("%s copies %s", name, source).exists();
                // A folder may be filtered by .dockerignore (that is its job) but must not arrive empty.
                assertThat(filesUnder(path)).as("%s copies %s, but .dockerignore excludes all of it", name, source)
                        .anyMatch(file -> !ignore.excludes(file));
                if (Files.isRegularFile(path)) {
                    assertThat(ignore.excludes(source)).as("%s copies %s, but .dockerignore excludes it", name, source)
                            .isFalse();
                }
            }
        }
        assertThat(fromContext).isGreaterThan(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
    void copiesThePomOfEveryReactorModuleSoMavenCanReadTheReactor(String name) throws IOException {
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> copied = Dockerfile.parse(RepoPaths.dockerDir().resolve(name)).all("COPY").stream()
                .map(Dockerfile.Instruction::arguments).toList();
        int count = 0;
        while (modules.find()) {
            String module = modules.group(1);
            assertThat(copied).as("%s copies %s/pom.xml (or the whole module)", name, module)
                    .anyMatch(c -> c.startsWith(module + "/pom.xml ") || c.startsWith(module + " "));
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(4);
    }

    @Test
    void dockerignoreKeepsBuildOutputAndLocalRunsOutOfTheContext() throws IOException {
        DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));
        assertThat(ignore.excludes("trainer-image/target/lib/pytorch-native-cpu-2.3.1-linux-x86_64.jar")).isTrue();
        assertThat(ignore.excludes("crds/target/classes/x.class")).isTrue();
        assertThat(ignore.excludes(".vclip/s3/vclip/runs/x")).isTrue();
        assertThat(ignore.excludes(".git/HEAD")).isTrue();
        assertThat(ignore.excludes("deploy/src/test/java/io/vclip/deploy/DockerfileTest.java")).isTrue();
        assertThat(ignore.excludes("trainer-image/src/main/java/io/vclip/trainer/cli/VclipCommand.java")).isFalse();
        assertThat(ignore.excludes("crds/pom.xml")).isFalse();
        assertThat(ignore.excludes("crds/src/main/java/io/vclip/crds/v1alpha1/VideoClipTraining.java")).isFalse();
        assertThat(ignore.excludes("crds/videocliptrainings.vclip.io-v1.yml")).isTrue();
    }

    @Test
    void scriptsAreExecutableAndParseAsPosixShell() throws Exception {
        for (String script : new String[] {"entrypoint.sh", "bin/vclip", "stage-libtorch.sh"}) {
            Path path = RepoPaths.dockerDir().resolve(script);
            assertThat(Files.isExecutable(path)).as(script + " is executable (COPY keeps the mode)").isTrue();
            assertThat(Files.readAllLines(path).get(0)).isEqualTo("#!/bin/sh");
            ExternalCommand.Result syntax = ExternalCommand.run(ROOT, List.of("/bin/sh", "-n", path.toString()));
            assertThat(syntax.ok()).as(script + ": " + syntax.output()).isTrue();
        }
    }

    @Test
    void eachDockerfileDocumentsItsOwnBuildCommand() throws IOException {
        Pattern build = Pattern.compile("docker build -f (trainer-image/docker/Dockerfile\\.\\w+) -t (\\S+) \\.");
        for (String name : new String[] {"Dockerfile.cpu", "Dockerfile.gpu"}) {
            Matcher m = build.matcher(Files.readString(RepoPaths.dockerDir().resolve(name)));
            assertThat(m.find()).as(name + " documents its build command").isTrue();
            assertThat(m.group(1)).endsWith(name);
        }
    }

    private static List<String> filesUnder(Path path) throws IOException {
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString()).toList();
        }
    }
}
