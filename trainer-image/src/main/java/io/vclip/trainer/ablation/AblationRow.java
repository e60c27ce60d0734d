package io.vclip.trainer.ablation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.RankingScores;
import io.vclip.trainer.report.TrainingCurves;
import io.vclip.trainer.telemetry.LossPart;
import java.time.Duration;
import java.util.Map;

/**
 * One variant's figures: retrieval in percent, pair accuracies as fractions, the last logged training
 * losses, and the wall time of its training plus evaluation. A figure the evaluation did not produce is
 * null (an empty cell), never 0.
 *
 * @param lvdrPairAccuracy mean of the per-subset pair accuracies (4×1 … 4×5) that were evaluated
 * @param finalLoss the weighted total of the enabled parts, so it is not comparable across rows
 * @param finalContrastiveLoss L_CL(f_lt, f_v) alone, which every row trains and logs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AblationRow(
    String id,
    String label,
    String job,
    Double textToVideoR1,
    Double textToVideoR5,
    Double videoToTextR1,
    Double textToVideoMeanRank,
    Double lvdrPairAccuracy,
    Double ddrPairAccuracy,
    Double hdrPairAccuracy,
    Double finalLoss,
    Double finalContrastiveLoss,
    double wallSeconds) {

  public static AblationRow of(AblationVariant variant, EvalResults results, TrainingCurves curves, Duration wall) {
    var retrieval = results.retrieval();
    Map<String, Double> lastLoss = curves.points().isEmpty() ? Map.of()
        : curves.points().get(curves.points().size() - 1).loss();
    return new AblationRow(variant.id(), variant.label(), variant.job(),
        retrieval == null ? null : retrieval.textToVideo().recallAt1(),
        retrieval == null ? null : retrieval.textToVideo().recallAt5(),
        retrieval == null ? null : retrieval.videoToText().recallAt1(),
        retrieval == null ? null : retrieval.textToVideo().meanRank(),
        results.lvdr() == null || results.lvdr().isEmpty() ? null
            : results.lvdr().values().stream().mapToDouble(RankingScores::pairAccuracy).average().orElseThrow(),
        results.ddr() == null ? null : results.ddr().pairAccuracy(),
        results.hdr() == null ? null : results.hdr().pairAccuracy(),
        lastLoss.get(LossPart.TOTAL.attributeValue()),
        lastLoss.get(LossPart.CONTRASTIVE.attributeValue()),
        wall.toMillis() / 1000.0);
  }
}
