package io.vclip.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders a kustomization with the real kubectl; tests that need it skip, visibly, when kubectl is absent. */
final class Kustomize {
    static final String MISSING =
            "kubectl is not on PATH: the kustomize output was NOT rendered or checked (install kubectl to run this)";

    private Kustomize() {}

    static boolean available() {
        return ExternalCommand.onPath("kubectl");
    }

    static List<JsonNode> build(String dirUnderDeploy) throws IOException, InterruptedException {
        Path dir = RepoPaths.deploy().resolve(dirUnderDeploy);
        ExternalCommand.Result result = ExternalCommand.run(RepoPaths.root(), List.of("kubectl", "kustomize", dir.toString()));
        if (!result.ok()) {
            throw new AssertionError("kubectl kustomize " + dirUnderDeploy + " failed:\n" + result.output());
        }
        return YamlFiles.documents(result.output());
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }
}
