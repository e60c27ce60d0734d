package io.vclip.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the files under test live: the repository root is passed in by surefire as {@code vclip.root}. */
final class RepoPaths {
    private RepoPaths() {}

    static Path root() {
        String root = System.getProperty("vclip.root");
        if (root == null) {
            throw new IllegalStateException("system property vclip.root is not set (run through Maven)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path dockerDir() {
        return root().resolve("trainer-image/docker");
    }

    static Path runbook() {
        return root().resolve("docs/operations-runbook.md");
    }

    /** Every YAML file under deploy/, except build output. */
    static List<Path> deployYamlFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(deploy())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !deploy().relativize(p).startsWith("target"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    static List<Path> kustomizationDirs() throws java.io.IOException {
        return deployYamlFiles().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                .map(Path::getParent)
                .toList();
    }
}
