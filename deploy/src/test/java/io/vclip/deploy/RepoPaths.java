package io.vclip.deploy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

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
    static List<Path> deployYamlFiles() throws IOException {
        List<Path> yaml = new ArrayList<>();
        Path buildOutput = deploy().resolve("target");
        // target/ is pruned, not filtered: surefire writes its reports there while the tests walk the tree.
        Files.walkFileTree(deploy(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(buildOutput) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")) {
                    yaml.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        yaml.sort(null);
        return yaml;
    }

    static List<Path> kustomizationDirs() throws IOException {
        return deployYamlFiles().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                .map(Path::getParent)
                .toList();
    }
}
