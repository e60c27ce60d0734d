package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboard parses, queries only contract metrics, and shows what SREs need. */
class DashboardTest {
    private static final Path DASHBOARD = RepoPaths.deploy().resolve("components/monitoring/grafana/vclip-dashboard.json");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(.+?)\\s*,\\s*\\w+\\s*\\)");

    @Test
    void parsesWithAStableUidAndUniquePanelIds() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("vclip-training");
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(p -> ids.add(p.path("id").asInt()));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(0);
    }

    @Test
    void everyQueryReadsOnlyContractMetrics() throws IOException {
        MetricsContract contract = MetricsContract.fromRunbook();
        for (String expr : queries()) {
            Set<String> metrics = PromQl.metricNames(expr);
            assertThat(metrics).as("query reads no metric: %s", expr).isNotEmpty();
            for (String metric : metrics) {
                assertThat(contract.contractNameOf(metric))
                        .as("dashboard query reads %s, which the runbook's metrics contract does not list:%n%s", metric, expr)
                        .isNotNull();
            }
        }
    }

    @Test
    void showsLossStepTimeThroughputCheckpointsPhasesAndRestarts() throws IOException {
        MetricsContract contract = MetricsContract.fromRunbook();
        Set<String> shown = new TreeSet<>();
        for (String expr : queries()) {
            PromQl.metricNames(expr).forEach(m -> shown.add(contract.contractNameOf(m)));
        }
        assertThat(shown).contains("vclip_train_loss", "vclip_train_samples_per_second", "vclip_train_step_seconds",
                "vclip_checkpoint_duration_seconds", "vclip_operator_jobs", "vclip_operator_group_restarts_total");
        assertThat(String.join("\n", queries())).contains("by (vclip_job, part)", "by (phase)");
    }

    /** Each query, with Grafana's variables filled in, goes through Prometheus's own parser as a recording rule. */
    @Test
    void everyQueryIsValidPromQl(@TempDir Path dir) throws Exception {
        ReportedSkip.unless(ExternalCommand.onPath("promtool"), "DashboardTest (promtool)",
                "promtool is not on PATH: dashboard queries were NOT parsed by Prometheus");
        ArrayNode rules = YamlFiles.YAML.createArrayNode();
        List<String> queries = queries();
        for (int i = 0; i < queries.size(); i++) {
            String expr = queries.get(i).replace("$__rate_interval", "5m").replaceAll("\\$\\w+", ".*");
            rules.addObject().put("record", "vclip:dashboard_query:" + i).put("expr", expr);
        }
        ObjectNode file = YamlFiles.YAML.createObjectNode();
        file.putArray("groups").addObject().put("name", "dashboard").set("rules", rules);
        Path rulesFile = dir.resolve("dashboard-queries.yml");
        YamlFiles.YAML.writeValue(rulesFile.toFile(), file);

        ExternalCommand.Result check = ExternalCommand.run(dir, List.of("promtool", "check", "rules", rulesFile.toString()));
        assertThat(check.ok()).as(check.output()).isTrue();
        assertThat(check.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    private static List<String> queries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> exprs = new ArrayList<>(dashboard.findValuesAsText("expr"));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                Matcher m = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
                assertThat(m.matches()).as("template variable %s", variable.path("name")).isTrue();
                exprs.add(m.group(1));
            }
        }
        assertThat(exprs).hasSizeGreaterThan(10);
        return exprs;
    }
}
