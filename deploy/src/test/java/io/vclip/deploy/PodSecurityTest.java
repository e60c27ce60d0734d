package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vclip-system enforces the "restricted" Pod Security Standard, so every pod template we ship must
 * meet it (or admission rejects the pods); we also require a read-only root and resource limits.
 */
class PodSecurityTest {
    record PodTemplate(Path file, String name, JsonNode spec) {}

    @Test
    void everyShippedPodTemplateIsRestrictedReadOnlyAndBounded() throws IOException {
        List<PodTemplate> templates = podTemplates();
        assertThat(templates).extracting(PodTemplate::name).contains("vclip-operator", "minio", "minio-create-buckets");
        for (PodTemplate t : templates) {
            String where = t.file() + " (" + t.name() + ")";
            JsonNode pod = t.spec().path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean()).as(where + ": runAsNonRoot").isTrue();
            assertThat(pod.path("runAsUser").asInt()).as(where + ": numeric non-root runAsUser").isPositive();
            assertThat(pod.path("seccompProfile").path("type").asText()).as(where + ": seccomp").isEqualTo("RuntimeDefault");
            for (JsonNode c : t.spec().path("containers")) {
                String container = where + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").isBoolean() && !sc.path("allowPrivilegeEscalation").asBoolean())
                        .as(container + ": allowPrivilegeEscalation: false").isTrue();
                assertThat(YamlFiles.texts(sc.path("capabilities").path("drop"))).as(container + ": drop ALL").containsExactly("ALL");
                assertThat(sc.path("capabilities").has("add")).as(container + ": adds capabilities").isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(container + ": readOnlyRootFilesystem").isTrue();
                for (String kind : new String[] {"requests", "limits"}) {
                    for (String resource : new String[] {"cpu", "memory"}) {
                        assertThat(c.path("resources").path(kind).has(resource))
                                .as(container + ": resources." + kind + "." + resource).isTrue();
                    }
                }
                assertThat(c.path("image").asText()).as(container + ": pinned image tag")
                        .contains(":").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void theOperatorProbesQuarkusHealthAndWritesOnlyToTmp() throws IOException {
        JsonNode spec = podTemplates().stream().filter(t -> t.name().equals("vclip-operator")).findFirst().orElseThrow().spec();
        JsonNode operator = spec.path("containers").get(0);
        assertThat(operator.path("image").asText()).isEqualTo("ghcr.io/vclip/operator:0.1.0");
        assertThat(operator.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(operator.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(operator.path("ports").findValuesAsText("name")).contains("http");
        assertThat(spec.path("serviceAccountName").asText()).isEqualTo("vclip-operator");
        assertThat(operator.path("volumeMounts").findValuesAsText("mountPath")).containsExactly("/tmp");
        assertThat(spec.path("volumes").get(0).has("emptyDir")).isTrue();
    }

    private static List<PodTemplate> podTemplates() throws IOException {
        List<PodTemplate> out = new ArrayList<>();
        for (Path file : RepoPaths.deployYamlFiles()) {
            for (JsonNode doc : YamlFiles.documents(file)) {
                JsonNode spec = doc.path("spec").path("template").path("spec");
                // Strategic-merge patches (overlays/prod) carry partial pod specs; judge the objects they patch.
                boolean patch = !doc.path("spec").has("selector") && !doc.path("kind").asText().equals("Job");
                if (spec.has("containers") && !patch) {
                    out.add(new PodTemplate(file, doc.path("metadata").path("name").asText(), spec));
                }
            }
        }
        return out;
    }
}
