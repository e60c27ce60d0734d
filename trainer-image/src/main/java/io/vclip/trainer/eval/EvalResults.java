package io.vclip.trainer.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything an evaluation measured: the schema of {@code results.json} (documented in
 * docs/eval.md). The operator copies {@link #summary()} into the VideoClipEval status, so those keys
 * are a contract.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalResults(
    @JsonProperty("schema") String schema,
    @JsonProperty("checkpoint") String checkpoint,
    @JsonProperty("createdAt") String createdAt,
    @JsonProperty("retrieval") Retrieval retrieval,
    @JsonProperty("lvdr") SortedMap<String, RankingScores> lvdr,
    @JsonProperty("ddr") RankingScores ddr,
    @JsonProperty("hdr") RankingScores hdr,
    @JsonProperty("cost") Cost cost) {

  public static final String SCHEMA = "vclip.io/eval-results/v1";

  /** Both retrieval directions, the chance level for the same candidate count, and the curves. */
  public record Retrieval(
      @JsonProperty("pairs") int pairs,
      @JsonProperty("textToVideo") RetrievalMetrics textToVideo,
      @JsonProperty("videoToText") RetrievalMetrics videoToText,
      @JsonProperty("chance") RetrievalMetrics chance,
      @JsonProperty("textToVideoCurve") RecallCurve textToVideoCurve,
      @JsonProperty("videoToTextCurve") RecallCurve videoToTextCurve) {}

  /** What the evaluation cost: encoding throughput and the time of the pairwise scoring. */
  public record Cost(
      @JsonProperty("encodeSeconds") double encodeSeconds,
      @JsonProperty("videosPerSecond") double videosPerSecond,
      @JsonProperty("textsPerSecond") double textsPerSecond,
      @JsonProperty("similaritySeconds") double similaritySeconds,
      @JsonProperty("promptedPairs") long promptedPairs) {}

  /** The headline numbers, flat, for status fields and dashboards. */
  public Map<String, Double> summary() {
    java.util.LinkedHashMap<String, Double> s = new java.util.LinkedHashMap<>();
    if (retrieval != null) {
      s.put("textToVideoR1", retrieval.textToVideo().recallAt1());
      s.put("textToVideoR5", retrieval.textToVideo().recallAt5());
      s.put("videoToTextR1", retrieval.videoToText().recallAt1());
      s.put("chanceR1", retrieval.chance().recallAt1());
    }
    if (lvdr != null) {
      lvdr.forEach((subset, scores) -> s.put("lvdr" + subset + "PairAccuracy", scores.pairAccuracy()));
    }
    if (ddr != null) s.put("ddrPairAccuracy", ddr.pairAccuracy());
    if (hdr != null) s.put("hdrPairAccuracy", hdr.pairAccuracy());
    return s;
  }
}
