package io.vclip.trainer.objective;

import io.vclip.trainer.cli.VclipUserException;

/**
 * The objective part of a training spec: L = L_CL(f_lt, f_v) + α1·L_TPCM + α2·L_DDR + α3·L_HDR, each
 * part switchable. Validated on construction, with errors naming the spec field; docs/objective.md
 * gives the reason for each default the papers leave unpublished.
 */
public record ObjectiveConfig(Contrastive contrastive, Tpcm tpcm, Ranking ddr, Ranking hdr) {

  /** L_CL(f_lt, f_v); its weight is 1 by the paper's definition of L. */
  public record Contrastive(boolean enabled) {}

  /** α1·L_TPCM; {@code components} is Long-CLIP's k, used in {@link PceMode#FIXED} mode. */
  public record Tpcm(boolean enabled, double weight, PceMode mode, int components) {}

  /** α·L_DDR or α·L_HDR with margin α_D / α_H over sequences of m descriptions (original first). */
  public record Ranking(boolean enabled, double weight, double margin, int sequenceLength) {}

  /** How many principal components PCE keeps: TPCM's per-sample choice, or Long-CLIP's fixed k. */
  public enum PceMode {
    ADAPTIVE,
    FIXED
  }

  public static final double MAX_WEIGHT = 100;
  public static final int MAX_SEQUENCE_LENGTH = 16;

  public ObjectiveConfig {
    require(contrastive != null, "objective.contrastive must be set");
    require(tpcm != null, "objective.tpcm must be set");
    require(ddr != null, "objective.ddr must be set");
    require(hdr != null, "objective.hdr must be set");
    requireWeight("objective.tpcm.weight", tpcm.weight());
    require(tpcm.mode() != null, "objective.tpcm.mode must be one of ADAPTIVE, FIXED");
    require(tpcm.components() >= 1, "objective.tpcm.components must be >= 1, got " + tpcm.components());
    requireRanking("objective.ddr", ddr);
    requireRanking("objective.hdr", hdr);
    require(
        contrastive.enabled() || tpcm.enabled() || ddr.enabled() || hdr.enabled(),
        "objective: every part is disabled; enable at least one of objective.contrastive, "
            + "objective.tpcm, objective.ddr, objective.hdr");
  }

  /** α1 = α2 = α3 = 1, α_D = α_H = 0.05, m = 4, adaptive TPCM, k = 32 (Long-CLIP) for fixed mode. */
  public static ObjectiveConfig defaults() {
    return new ObjectiveConfig(
        new Contrastive(true),
        new Tpcm(true, 1.0, PceMode.ADAPTIVE, 32),
        new Ranking(true, 1.0, 0.05, 4),
        new Ranking(true, 1.0, 0.05, 4));
  }

  private static void requireRanking(String field, Ranking ranking) {
    requireWeight(field + ".weight", ranking.weight());
    // Δ is a difference of two cosines, so it lies in [−2, 2]; a margin above 2 can never be met.
    require(
        ranking.margin() >= 0 && ranking.margin() <= 2,
        field + ".margin must be in [0, 2], got " + ranking.margin());
    require(
        ranking.sequenceLength() >= 2 && ranking.sequenceLength() <= MAX_SEQUENCE_LENGTH,
        field + ".sequenceLength must be in [2, " + MAX_SEQUENCE_LENGTH + "], got " + ranking.sequenceLength());
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
