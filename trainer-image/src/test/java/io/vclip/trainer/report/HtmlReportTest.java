package io.vclip.trainer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.RankingScores;
import io.vclip.trainer.eval.RecallCurve;
import io.vclip.trainer.eval.RetrievalMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path tmp;

  @Test
  void reportHasTablesChartsAndLossCurves() throws Exception {
    int[] ranks = {1, 2, 1, 7};
    EvalResults.Retrieval ret = new EvalResults.Retrieval(4, RetrievalMetrics.fromRanks(ranks),
        RetrievalMetrics.fromRanks(new int[] {1, 1, 3, 4}), RetrievalMetrics.chance(4),
        RecallCurve.fromRanks(ranks, 10), RecallCurve.fromRanks(new int[] {1, 1, 3, 4}, 10));
    TreeMap<String, RankingScores> lvdr = new TreeMap<>(Map.of(
        "4x1", new RankingScores(10, 0.3, 0.7), "4x5", new RankingScores(10, 0.6, 0.9)));
    EvalResults results = new EvalResults(EvalResults.SCHEMA, "s3://b/p/step-10/", "2026-11-22T00:00:00Z",
        ret, lvdr, new RankingScores(5, 0.2, 0.6), null, null);
    Path log = tmp.resolve("metrics.jsonl");
    TrainingCurves.append(log, new TrainingCurves.Point(1, Map.of("total", 4.0, "contrastive", 3.0), 10, 1e-4));
    Files.writeString(log, "{\"step\": 2, \"loss\": {\"tot", java.nio.file.StandardOpenOption.APPEND); // cut short
    Files.writeString(log, "\n", java.nio.file.StandardOpenOption.APPEND);
    TrainingCurves.append(log, new TrainingCurves.Point(3, Map.of("total", 2.0, "contrastive", 1.5), 12, 1e-4));
    TrainingCurves curves = TrainingCurves.read(log);
    assertThat(curves.points()).extracting(TrainingCurves.Point::step).containsExactly(1L, 3L);

    Path html = tmp.resolve("report.html");
    HtmlReport.write(html, "quickstart <eval>", results, curves);
    String page = Files.readString(html);
    assertThat(page).contains("<title>quickstart &lt;eval&gt;</title>")
        .contains("text → video").contains("75.0") // R@5 of ranks 1 2 1 7 = 3/4
        .contains("4x1").contains("4x5").contains("Loss parts").contains("contrastive")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("@import");
    assertThat(page.split("<svg", -1)).hasSize(1 + 4); // recall, LVDR bars, loss, throughput
  }

  @Test
  void recallCurveCountsCumulatively() {
    assertThat(RecallCurve.fromRanks(new int[] {1, 2, 2, 5}, 3).recallAtK()).containsExactly(25.0, 75.0, 75.0);
  }

  @Test
  void summaryCarriesTheHeadlineNumbers() {
    EvalResults r = new EvalResults(EvalResults.SCHEMA, null, null, null,
        new TreeMap<>(Map.of("4x2", new RankingScores(1, 1, 1))), null, new RankingScores(1, 0, 0.25), null);
    assertThat(r.summary()).containsEntry("lvdr4x2PairAccuracy", 1.0).containsEntry("hdrPairAccuracy", 0.25)
        .doesNotContainKey("textToVideoR1");
    assertThat(List.copyOf(r.summary().keySet())).hasSize(2);
  }
}
