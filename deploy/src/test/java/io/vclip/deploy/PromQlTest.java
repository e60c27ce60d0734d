package io.vclip.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void findsTheMetricsOfARatioOfRates() {
        assertThat(PromQl.metricNames(
                "sum by (phase) (rate(vclip_train_step_seconds_sum{namespace=~\"$namespace\"}[$__rate_interval]))"
                        + " / sum by (phase) (rate(vclip_train_step_seconds_count[5m]))"))
                .containsExactly("vclip_train_step_seconds_count", "vclip_train_step_seconds_sum");
    }

    @Test
    void ignoresFunctionsKeywordsLabelsStringsAndNumbers() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.9, sum without (pod) (rate(a_bucket{le=\"+Inf\", x=\"b_c\"}[1h] offset 5m)))"
                        + " > 1e-3 and on (job) absent(up{job=\"x\"} == 1) or vector(0)"))
                .containsExactly("a_bucket", "up");
    }

    @Test
    void aBareMetricIsItsOwnName() {
        assertThat(PromQl.metricNames("vclip_operator_jobs")).containsExactly("vclip_operator_jobs");
    }
}
