package io.vclip.trainer.ablation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.RankingScores;
import io.vclip.trainer.eval.RecallCurve;
import io.vclip.trainer.eval.RetrievalMetrics;
import io.vclip.trainer.report.TrainingCurves;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows from hand-made evaluation results, rendered as markdown and JSON. */
class AblationTableTest {
  @TempDir Path tmp;

  @Test
  void rowsCarryTheEvaluationsFiguresAndTheLastLoggedLoss() throws Exception {
    AblationPlan plan = AblationPlan.of(AblationPlanTest.parse(AblationPlanTest.BASE));
    int[] t2v = {1, 2, 1, 7}; // R@1 50%, R@5 75%, mean rank 2.75
    int[] v2t = {1, 3, 3, 4}; // R@1 25%
    EvalResults.Retrieval retrieval = new EvalResults.Retrieval(4, RetrievalMetrics.fromRanks(t2v),
        RetrievalMetrics.fromRanks(v2t), RetrievalMetrics.chance(4), RecallCurve.fromRanks(t2v, 10),
        RecallCurve.fromRanks(v2t, 10));
    EvalResults full = new EvalResults(EvalResults.SCHEMA, "s3://vclip/runs/abl-full/step-50/", null, retrieval,
        new TreeMap<>(Map.of("4x1", new RankingScores(4, 0.25, 0.6), "4x3", new RankingScores(4, 0.5, 0.8))),
        new RankingScores(4, 0.5, 0.75), new RankingScores(4, 0.25, 0.625), null);
    TrainingCurves curves = new TrainingCurves(List.of(
        new TrainingCurves.Point(49, Map.of("total", 9.0, "contrastive", 8.0), 10, 1e-4),
        new TrainingCurves.Point(50, Map.of("total", 2.5, "contrastive", 1.25, "tpcm", 1.0), 10, 1e-4)));
    AblationRow fullRow = AblationRow.of(plan.variants().get(5), full, curves, Duration.ofMillis(61_400));

    assertThat(fullRow.textToVideoR1()).isEqualTo(50.0);
    assertThat(fullRow.textToVideoR5()).isEqualTo(75.0);
    assertThat(fullRow.videoToTextR1()).isEqualTo(25.0);
    assertThat(fullRow.textToVideoMeanRank()).isEqualTo(2.75);
    assertThat(fullRow.lvdrPairAccuracy()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(fullRow.ddrPairAccuracy()).isEqualTo(0.75);
    assertThat(fullRow.hdrPairAccuracy()).isEqualTo(0.625);
    assertThat(fullRow.finalLoss()).isEqualTo(2.5);
    assertThat(fullRow.finalContrastiveLoss()).isEqualTo(1.25);
    assertThat(fullRow.wallSeconds()).isEqualTo(61.4);

    // A variant whose evaluation had only retrieval: the ranking cells are empty, not zero.
    EvalResults retrievalOnly = new EvalResults(EvalResults.SCHEMA, null, null, retrieval, null, null, null, null);
    AblationRow first = AblationRow.of(plan.variants().get(0), retrievalOnly, new TrainingCurves(List.of()),
        Duration.ofSeconds(30));
    assertThat(first.lvdrPairAccuracy()).isNull();
    assertThat(first.finalLoss()).isNull();

    VideoClipTraining base = plan.base();
    AblationTable table = new AblationTable(AblationTable.Setup.of(base), List.of()).with(first).with(fullRow);
    String md = table.markdown();
    assertThat(md).contains("`abl`, preset tiny, 1 replica(s), 50 steps, global batch 16, seed 11")
        .contains("64 training / 16 held-out clips").contains("fixed k = 4");
    List<String> tableLines = md.lines().filter(l -> l.startsWith("|")).toList();
    assertThat(tableLines).hasSize(2 + 2);
    assertThat(tableLines.get(0)).contains("t→v R@1").contains("LVDR pair acc").contains("wall");
    assertThat(tableLines.get(3)).isEqualTo(
        "| full | full (TPCM + DDR + HDR) | 50.0% | 75.0% | 25.0% | 2.8 | 70.0% | 75.0% | 62.5% | 2.500 | 1.250 | 61 s |");
    assertThat(tableLines.get(2)).startsWith("| contrastive | contrastive only | 50.0% |")
        .endsWith("| – | – | – | – | – | 30 s |");

    table.write(tmp);
    AblationTable six = new AblationTable(table.setup(), List.of());
    for (AblationVariant v : plan.variants()) six = six.with(AblationRow.of(v, full, curves, Duration.ofSeconds(5)));
    assertThat(six.markdown().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| variant")))
        .extracting(l -> l.split("\\|")[1].strip())
        .containsExactly("contrastive", "pce-fixed-k", "tpcm", "tpcm-ddr", "tpcm-hdr", "full");
    assertThat(java.nio.file.Files.readString(tmp.resolve(AblationTable.MARKDOWN))).isEqualTo(md);
    AblationTable back = AblationTable.read(tmp.resolve(AblationTable.JSON));
    assertThat(back).isEqualTo(table);
  }
}
