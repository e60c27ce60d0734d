package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PrometheusRule's groups are valid Prometheus rules, fire when they should, and each has a runbook entry. */
class AlertRulesTest {
    private static final Path RULE = RepoPaths.deploy().resolve("components/monitoring/prometheus-rule.yaml");
    private static final Path UNIT_TESTS = RepoPaths.deploy().resolve("src/test/resources/promtool/vclip-alerts-test.yml");
    private static final String NO_PROMTOOL = "promtool is not on PATH: alert rules were NOT checked by Prometheus"
            + " (Debian package prometheus; ./run-tests installs it)";

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass(@TempDir Path dir) throws Exception {
        ReportedSkip.unless(ExternalCommand.onPath("promtool"), "AlertRulesTest (promtool)", NO_PROMTOOL);
        Path rules = writePlainRuleFile(dir);
        Files.copy(UNIT_TESTS, dir.resolve("vclip-alerts-test.yml"));

        ExternalCommand.Result check = ExternalCommand.run(dir, List.of("promtool", "check", "rules", rules.toString()));
        assertThat(check.ok()).as(check.output()).isTrue();
        assertThat(check.output()).contains("SUCCESS: " + alerts().size() + " rules found");

        ExternalCommand.Result test = ExternalCommand.run(dir, List.of("promtool", "test", "rules", "vclip-alerts-test.yml"));
        assertThat(test.ok()).as(test.output()).isTrue();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTestThatSeesItFire() {
        String unitTests = read(UNIT_TESTS);
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            assertThat(unitTests).as("promtool unit test for %s", name).contains("alertname: " + name);
        }
        List<String> firing = new ArrayList<>();
        for (JsonNode test : YamlFiles.single(UNIT_TESTS).path("tests")) {
            for (JsonNode case_ : test.path("alert_rule_test")) {
                if (!case_.path("exp_alerts").isEmpty()) {
                    firing.add(case_.path("alertname").asText());
                }
            }
        }
        assertThat(firing).containsAll(alerts().stream().map(a -> a.path("alert").asText()).toList());
    }

    @Test
    void everyAlertLinksToItsRunbookSectionAndHasASeverity() {
        String runbook = read(RepoPaths.runbook());
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
            assertThat(alert.path("annotations").path("runbook_url").asText()).as(name)
                    .endsWith("docs/operations-runbook.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(runbook).as("runbook heading for %s", name).containsPattern("(?m)^#+ " + name + "\\s*$");
        }
    }

    @Test
    void alertsReadOnlyContractMetrics() throws IOException {
        MetricsContract contract = MetricsContract.fromRunbook();
        for (JsonNode alert : alerts()) {
            for (String metric : PromQl.metricNames(alert.path("expr").asText())) {
                boolean scrapeHealth = Set.of("up").contains(metric);
                assertThat(scrapeHealth || contract.contractNameOf(metric) != null)
                        .as("%s reads %s, which the runbook's metrics contract does not list", alert.path("alert"), metric)
                        .isTrue();
            }
        }
    }

    private static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        YamlFiles.single(RULE).path("spec").path("groups").forEach(g -> g.path("rules").forEach(alerts::add));
        return alerts;
    }

    /** promtool reads plain rule files: the PrometheusRule's spec is exactly that format. */
    private static Path writePlainRuleFile(Path dir) throws IOException {
        ObjectNode plain = YamlFiles.YAML.createObjectNode();
        plain.set("groups", YamlFiles.single(RULE).path("spec").path("groups"));
        Path out = dir.resolve("vclip-rules.yml");
        YamlFiles.YAML.writeValue(out.toFile(), plain);
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
