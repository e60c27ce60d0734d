package io.vclip.trainer.data.ranking;

import io.vclip.trainer.data.Captions;

/**
 * Adds synthesised DDR and HDR sequences to a sample's captions (what {@code vclip data synth} does
 * to each record): both are built from the first long caption, with a seed derived from the run
 * seed and the video id, so a record gets the same sequences whichever shard or worker handles it.
 */
public final class CaptionRankings {

  private final RankingSynthesizer synthesizer;
  private final int m;
  private final long seed;

  public CaptionRankings(RankingSynthesizer synthesizer, int m, long seed) {
    if (m < 1) {
      throw new IllegalArgumentException("ranking sequence length m must be >= 1, got " + m);
    }
    this.synthesizer = synthesizer;
    this.m = m;
    this.seed = seed;
  }

  public Captions annotate(Captions captions) {
    if (captions.longCaptions().isEmpty() || captions.longCaptions().get(0).isBlank()) {
      throw new IllegalArgumentException(
          "video " + captions.videoId() + ": long_captions is empty, nothing to rank");
    }
    String text = captions.longCaptions().get(0);
    // String.hashCode is fixed by the Java spec, so the seed is the same on every JVM.
    long videoSeed =
        seed * 1_000_003L + (captions.videoId() == null ? 0 : captions.videoId().hashCode());
    return captions.withRankings(
        synthesizer.ddr(text, m, videoSeed), synthesizer.hdr(text, m, videoSeed));
  }
}
