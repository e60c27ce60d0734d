package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kustomize tree holds together without kubectl: every file parses and every reference resolves. */
class DeployTreeTest {
    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<Path> files = RepoPaths.deployYamlFiles();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            assertThat(YamlFiles.documents(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void baseAndOverlaysExist() throws IOException {
        assertThat(RepoPaths.kustomizationDirs()).extracting(d -> RepoPaths.deploy().relativize(d).toString())
                .contains("base", "overlays/dev", "overlays/prod", "components/monitoring");
    }

    @Test
    void everyFileAKustomizationNamesExists() throws IOException {
        for (Path dir : RepoPaths.kustomizationDirs()) {
            JsonNode k = YamlFiles.single(dir.resolve("kustomization.yaml"));
            for (String ref : references(k)) {
                Path target = dir.resolve(ref).normalize();
                assertThat(Files.exists(target))
                        .as("%s names %s, which does not exist", dir.resolve("kustomization.yaml"), ref)
                        .isTrue();
                assertThat(target.startsWith(RepoPaths.deploy()))
                        .as("%s: %s leaves deploy/ (kustomize's default load restrictor rejects it)", dir, ref)
                        .isTrue();
            }
        }
    }

    @Test
    void everyObjectFileUnderAKustomizationIsListedSoNothingIsSilentlyLeftOut() throws IOException {
        List<Path> listed = new ArrayList<>();
        for (Path dir : RepoPaths.kustomizationDirs()) {
            for (String ref : references(YamlFiles.single(dir.resolve("kustomization.yaml")))) {
                listed.add(dir.resolve(ref).normalize());
            }
        }
        for (Path file : RepoPaths.deployYamlFiles()) {
            boolean object = YamlFiles.documents(file).stream().anyMatch(d -> d.has("kind") && d.has("apiVersion"));
            boolean kustomization = file.getFileName().toString().equals("kustomization.yaml");
            if (object && !kustomization && !file.startsWith(RepoPaths.deploy().resolve("src"))) {
                assertThat(listed).as("%s is a Kubernetes object no kustomization lists", file).contains(file);
            }
        }
    }

    private static List<String> references(JsonNode k) {
        List<String> refs = new ArrayList<>();
        k.path("resources").forEach(r -> refs.add(r.asText()));
        k.path("components").forEach(r -> refs.add(r.asText()));
        k.path("patches").forEach(p -> {
            if (p.has("path")) {
                refs.add(p.get("path").asText());
            }
        });
        for (String generator : new String[] {"configMapGenerator", "secretGenerator"}) {
            k.path(generator).forEach(g -> {
                g.path("files").forEach(f -> refs.add(f.asText().replaceFirst("^[^=]+=", "")));
                g.path("envs").forEach(f -> refs.add(f.asText()));
            });
        }
        return refs;
    }
}
