package io.vclip.trainer.objective;

import io.vclip.trainer.VclipUserException;

/**
 * The objective part of a training spec ({@code spec.objective}, same field names as the CRD):
 * L = w·L_CL(f_lt, f_v) + α1·L_TPCM + α2·L_DDR + α3·L_HDR, each part switchable. Validated on
 * construction, with errors naming the spec field; docs/objective.md gives the reason for each
 * default the papers leave unpublished.
 */
public record ObjectiveConfig(Contrastive contrastive, Tpcm tpcm, Ranking ddr, Ranking hdr) {

  /** L_CL(f_lt, f_v); the paper's L has weight 1, and weight 0 switches the part off. */
  public record Contrastive(double weight) {
    public boolean enabled() {
      return weight > 0;
    }
  }

  /** α1·L_TPCM; {@code k} is Long-CLIP's fixed component count, used in {@link PceMode#FIXED} mode. */
  public record Tpcm(boolean enabled, double weight, PceMode mode, int k) {}

  /**
   * α·L_DDR or α·L_HDR with margin α_D / α_H; {@code steps} degraded descriptions follow the original,
   * so a sequence holds m = steps + 1 descriptions.
   */
  public record Ranking(boolean enabled, double weight, double margin, int steps) {
    public int sequenceLength() {
      return steps + 1;
    }
  }

  /** How many principal components PCE keeps: TPCM's per-sample choice, or Long-CLIP's fixed k. */
  public enum PceMode {
    ADAPTIVE,
    FIXED
  }

  public static final double MAX_WEIGHT = 100;
  public static final int MAX_STEPS = 16;
  private static final String PREFIX = "spec.objective";

  public ObjectiveConfig {
    require(contrastive != null, PREFIX + ".contrastive must be set");
    require(tpcm != null, PREFIX + ".tpcm must be set");
    require(ddr != null, PREFIX + ".ddr must be set");
    require(hdr != null, PREFIX + ".hdr must be set");
    requireWeight(PREFIX + ".contrastive.weight", contrastive.weight());
    requireWeight(PREFIX + ".tpcm.weight", tpcm.weight());
    require(tpcm.mode() != null, PREFIX + ".tpcm.mode must be adaptive or fixed");
    require(tpcm.k() >= 1, PREFIX + ".tpcm.k must be >= 1, got " + tpcm.k());
    requireRanking(PREFIX + ".ddr", ddr);
    requireRanking(PREFIX + ".hdr", hdr);
    require(
        contrastive.enabled()
            || (tpcm.enabled() && tpcm.weight() > 0)
            || (ddr.enabled() && ddr.weight() > 0)
            || (hdr.enabled() && hdr.weight() > 0),
        PREFIX + ": no part is enabled with a positive weight; enable at least one of contrastive, tpcm, ddr, hdr");
  }

  /** w = α1 = α2 = α3 = 1, α_D = α_H = 0.05, 3 steps (m = 4), adaptive TPCM, k = 32 for fixed mode. */
  public static ObjectiveConfig defaults() {
    return new ObjectiveConfig(
        new Contrastive(1.0),
        new Tpcm(true, 1.0, PceMode.ADAPTIVE, 32),
        new Ranking(true, 1.0, 0.05, 3),
        new Ranking(true, 1.0, 0.05, 3));
  }

  private static void requireRanking(String field, Ranking ranking) {
    requireWeight(field + ".weight", ranking.weight());
    // Δ is a difference of two cosines, so it lies in [−2, 2]; a margin above 2 can never be met.
    require(
        ranking.margin() >= 0 && ranking.margin() <= 2,
        field + ".margin must be in [0, 2], got " + ranking.margin());
    require(
        ranking.steps() >= 1 && ranking.steps() <= MAX_STEPS,
        field + ".steps must be in [1, " + MAX_STEPS + "], got " + ranking.steps());
  }

  private static void requireWeight(String field, double weight) {
    require(
        weight >= 0 && weight <= MAX_WEIGHT,
        field + " must be in [0, " + (int) MAX_WEIGHT + "], got " + weight);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new VclipUserException(message);
    }
  }
}
