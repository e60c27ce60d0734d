package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The operator may do what reconciling needs and nothing more. */
class RbacTest {
    private static final JsonNode CLUSTER_ROLE =
            YamlFiles.single(RepoPaths.deploy().resolve("base/rbac/cluster-role.yaml"));
    private static final JsonNode LEADER_ROLE =
            YamlFiles.single(RepoPaths.deploy().resolve("base/rbac/leader-election-role.yaml"));

    @Test
    void noWildcardsAndNoSecrets() {
        for (JsonNode role : List.of(CLUSTER_ROLE, LEADER_ROLE)) {
            for (JsonNode rule : role.path("rules")) {
                for (String field : new String[] {"apiGroups", "resources", "verbs"}) {
                    assertThat(YamlFiles.texts(rule.path(field))).as("%s %s", role.path("metadata").path("name"), field)
                            .doesNotContain("*");
                }
                assertThat(YamlFiles.texts(rule.path("resources"))).doesNotContain("secrets", "pods/exec", "nodes");
                assertThat(YamlFiles.texts(rule.path("verbs"))).doesNotContain("escalate", "bind", "impersonate");
            }
        }
    }

    @Test
    void coversEveryObjectThePodGroupNeeds() {
        assertAllowed(CLUSTER_ROLE, "", "pods", "create", "delete", "list", "watch", "patch");
        assertAllowed(CLUSTER_ROLE, "", "services", "create", "delete", "list", "watch");
        assertAllowed(CLUSTER_ROLE, "", "configmaps", "create", "delete", "list", "watch");
        assertAllowed(CLUSTER_ROLE, "batch", "jobs", "create", "delete", "list", "watch");
        assertAllowed(CLUSTER_ROLE, "scheduling.x-k8s.io", "podgroups", "create", "delete", "list", "watch");
        assertAllowed(CLUSTER_ROLE, "scheduling.volcano.sh", "podgroups", "create", "delete", "list", "watch");
        assertAllowed(CLUSTER_ROLE, "", "events", "create", "patch");
        assertAllowed(CLUSTER_ROLE, "events.k8s.io", "events", "create", "patch");
        assertAllowed(LEADER_ROLE, "coordination.k8s.io", "leases", "create", "get", "update");
        assertThat(LEADER_ROLE.path("kind").asText()).as("leases only in the operator's namespace").isEqualTo("Role");
    }

    @Test
    void coversEachCustomResourceInCrdsWithStatusAndFinalizers() throws IOException {
        List<JsonNode> crds = new ArrayList<>();
        Path dir = RepoPaths.root().resolve("crds");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList()) {
                YamlFiles.documents(f).stream()
                        .filter(d -> d.path("kind").asText().equals("CustomResourceDefinition")).forEach(crds::add);
            }
        }
        String reason = "no CustomResourceDefinition YAML in crds/ yet: RBAC NOT checked against the generated CRDs";
        ReportedSkip.unless(!crds.isEmpty(), "RbacTest (generated CRDs)", reason);
        for (JsonNode crd : crds) {
            String group = crd.path("spec").path("group").asText();
            String plural = crd.path("spec").path("names").path("plural").asText();
            assertAllowed(CLUSTER_ROLE, group, plural, "get", "list", "watch", "patch", "update");
            assertAllowed(CLUSTER_ROLE, group, plural + "/status", "patch", "update");
            assertAllowed(CLUSTER_ROLE, group, plural + "/finalizers", "update");
            assertAllowed(CLUSTER_ROLE, "apiextensions.k8s.io", "customresourcedefinitions", "get");
            assertThat(ruleNames(CLUSTER_ROLE, "apiextensions.k8s.io", "customresourcedefinitions"))
                    .contains(crd.path("metadata").path("name").asText());
        }
    }

    private static void assertAllowed(JsonNode role, String group, String resource, String... verbs) {
        List<String> granted = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            if (YamlFiles.texts(rule.path("apiGroups")).contains(group) && YamlFiles.texts(rule.path("resources")).contains(resource)) {
                granted.addAll(YamlFiles.texts(rule.path("verbs")));
            }
        }
        assertThat(granted).as("%s grants on %s/%s", role.path("metadata").path("name").asText(), group, resource)
                .contains(verbs);
    }

    private static List<String> ruleNames(JsonNode role, String group, String resource) {
        List<String> names = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            if (YamlFiles.texts(rule.path("apiGroups")).contains(group) && YamlFiles.texts(rule.path("resources")).contains(resource)) {
                names.addAll(YamlFiles.texts(rule.path("resourceNames")));
            }
        }
        return names;
    }

}
