package io.vclip.crds.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminationReportTest {

  @Test
  void roundTripsThroughJson() {
    var report = new TerminationReport(120L, 300L, 2.5, 410.0,
        new TerminationReport.Checkpoint(100L, "s3://vclip/runs/q/step-100/", "2026-11-22T18:00:00Z"), null, null);
    assertThat(TerminationReport.parse(report.toJson())).contains(report);
  }

  @Test
  void logLinesAreNotAReport() {
    assertThat(TerminationReport.parse("Exception in thread main java.lang.OutOfMemoryError")).isEmpty();
    assertThat(TerminationReport.parse("{broken")).isEmpty();
    assertThat(TerminationReport.parse(null)).isEmpty();
  }

  @Test
  void refusesReportsKubernetesWouldTruncate() {
    Map<String, Double> results = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      results.put("metric.with.a.long.name." + i, 0.5);
    }
    var report = new TerminationReport(null, null, null, null, null, results, null);
    assertThatThrownBy(report::toJson).hasMessageContaining("4096");
  }

  @Test
  void exitCodesMapToTheirMeaning() {
    assertThat(ExitCodes.meaningOf(0)).isEqualTo(ExitCodes.Meaning.SUCCESS);
    assertThat(ExitCodes.meaningOf(2)).isEqualTo(ExitCodes.Meaning.BAD_CONFIG);
    assertThat(ExitCodes.meaningOf(3)).isEqualTo(ExitCodes.Meaning.PREEMPTED);
    assertThat(ExitCodes.meaningOf(4)).isEqualTo(ExitCodes.Meaning.NON_FINITE_LOSS);
    assertThat(ExitCodes.meaningOf(137)).isEqualTo(ExitCodes.Meaning.RETRYABLE_FAILURE);
  }
}
