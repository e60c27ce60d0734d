package io.vclip.trainer.objective;

/** One part of the VideoCLIP-XL objective, unweighted. */
public interface LossTerm {
  /** The part's metric name: "contrastive", "tpcm", "ddr" or "hdr". */
  String name();

  LossPart compute(ObjectiveInputs inputs);
}
