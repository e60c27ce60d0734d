package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What `kubectl apply -k` would send: rendered by the real kubectl, then checked for wiring mistakes. */
class KustomizeBuildTest {
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    @BeforeAll
    static void needsKubectl() {
        ReportedSkip.unless(Kustomize.available(), "KustomizeBuildTest", Kustomize.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void rendersWithUniqueNamespacedObjects(String dir) throws Exception {
        List<JsonNode> objects = Kustomize.build(dir);
        Set<String> seen = new HashSet<>();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            String ns = o.path("metadata").path("namespace").asText();
            String id = kind + " " + ns + "/" + o.path("metadata").path("name").asText();
            assertThat(seen.add(id)).as("%s: %s appears twice", dir, id).isTrue();
            if (!CLUSTER_SCOPED.contains(kind)) {
                assertThat(ns).as("%s: %s has no namespace", dir, id).isNotEmpty();
            }
            assertThat(o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as("%s: %s lacks the part-of label", dir, id).isEqualTo("vclip");
        }
    }

    @Test
    void baseHoldsTheOperatorAndNoPrometheusOperatorObjects() throws Exception {
        List<JsonNode> base = Kustomize.build("base");
        assertThat(base).extracting(o -> o.path("kind").asText())
                .contains("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
                        "Deployment", "Service")
                .doesNotContain("ServiceMonitor", "PodMonitor", "PrometheusRule", "CustomResourceDefinition");
        assertThat(Kustomize.find(base, "Namespace", "vclip-system")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void servicesSelectPodsAndTargetDeclaredPorts(String dir) throws Exception {
        List<JsonNode> objects = Kustomize.build(dir);
        for (JsonNode svc : objects.stream().filter(o -> o.path("kind").asText().equals("Service")).toList()) {
            Map<String, String> selector = strings(svc.path("spec").path("selector"));
            JsonNode pod = objects.stream()
                    .filter(o -> o.path("kind").asText().equals("Deployment"))
                    .map(d -> d.path("spec").path("template"))
                    .filter(t -> strings(t.path("metadata").path("labels")).entrySet().containsAll(selector.entrySet()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(dir + ": Service " + svc.path("metadata").path("name")
                            + " selects no Deployment's pods"));
            Set<String> portNames = new HashSet<>();
            pod.path("spec").path("containers").forEach(c -> c.path("ports").forEach(p -> portNames.add(p.path("name").asText())));
            svc.path("spec").path("ports").forEach(p -> assertThat(portNames)
                    .as("%s: Service %s targets a port its pods do not declare", dir, svc.path("metadata").path("name"))
                    .contains(p.path("targetPort").asText()));
        }
    }

    @Test
    void devSecretsCarryTheKeysThatPodsAndExamplesReference() throws Exception {
        List<JsonNode> dev = Kustomize.build("overlays/dev");
        Map<String, JsonNode> secrets = dev.stream().filter(o -> o.path("kind").asText().equals("Secret"))
                .collect(Collectors.toMap(s -> s.path("metadata").path("namespace").asText() + "/"
                        + s.path("metadata").path("name").asText(), s -> s));
        // The trainings of examples/ run in "default" and name minio-creds with these two keys.
        assertThat(secrets.get("default/minio-creds").path("data").has("accessKey")).isTrue();
        assertThat(secrets.get("default/minio-creds").path("data").has("secretKey")).isTrue();
        for (JsonNode o : dev) {
            JsonNode podSpec = o.path("spec").path("template").path("spec");
            String ns = o.path("metadata").path("namespace").asText();
            podSpec.path("containers").forEach(c -> c.path("env").forEach(e -> {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    JsonNode secret = secrets.get(ns + "/" + ref.path("name").asText());
                    assertThat(secret).as("%s %s: Secret %s missing in %s", o.path("kind"), o.path("metadata").path("name"),
                            ref.path("name"), ns).isNotNull();
                    assertThat(secret.path("data").has(ref.path("key").asText()))
                            .as("Secret %s/%s lacks key %s", ns, ref.path("name"), ref.path("key")).isTrue();
                }
            }));
        }
    }

    @Test
    void prodMonitorsTheOperatorAndTrainersAndShipsTheDashboard() throws Exception {
        List<JsonNode> prod = Kustomize.build("overlays/prod");
        JsonNode monitor = Kustomize.find(prod, "ServiceMonitor", "vclip-operator").orElseThrow();
        JsonNode service = Kustomize.find(prod, "Service", "vclip-operator-metrics").orElseThrow();
        assertThat(strings(service.path("metadata").path("labels")).entrySet())
                .containsAll(strings(monitor.path("spec").path("selector").path("matchLabels")).entrySet());
        assertThat(service.path("spec").path("ports").findValuesAsText("name"))
                .contains(monitor.path("spec").path("endpoints").get(0).path("port").asText());
        assertThat(Kustomize.find(prod, "PodMonitor", "vclip-trainer")).isPresent();
        assertThat(Kustomize.find(prod, "PrometheusRule", "vclip")).isPresent();

        JsonNode dashboard = Kustomize.find(prod, "ConfigMap", "vclip-grafana-dashboard").orElseThrow();
        assertThat(dashboard.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        String json = Files.readString(RepoPaths.deploy().resolve("components/monitoring/grafana/vclip-dashboard.json"));
        assertThat(dashboard.path("data").path("vclip-dashboard.json").asText()).isEqualTo(json);

        JsonNode operator = Kustomize.find(prod, "Deployment", "vclip-operator").orElseThrow();
        assertThat(operator.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(Kustomize.find(prod, "PodDisruptionBudget", "vclip-operator")).isPresent();
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new java.util.TreeMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
