package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds LVDR-style ranking sets from (video, long description) pairs: the HDR replacement run p−1
 * times with q words changed each time. The paper's benchmark uses p = 4 and q = 1…5.
 */
public final class LvdrSetBuilder {

  public static final int PAPER_P = 4;
  public static final int PAPER_MAX_Q = 5;

  private final RankingSynthesizer synthesizer;

  public LvdrSetBuilder(RankingSynthesizer synthesizer) {
    this.synthesizer = synthesizer;
  }

  /** The paper's five subsets 4×1 … 4×5. */
  public List<LvdrSet> paperSubsets(List<VideoDescription> videos, long seed) {
    List<LvdrSet> sets = new ArrayList<>();
    for (int q = 1; q <= PAPER_MAX_Q; q++) {
      sets.add(build(videos, PAPER_P, q, seed));
    }
    return sets;
  }

  public LvdrSet build(List<VideoDescription> videos, int p, int q, long seed) {
    if (p < 2) {
      throw new IllegalArgumentException("LVDR p (descriptions per video) must be >= 2, got " + p);
    }
    if (q < 1) {
      throw new IllegalArgumentException("LVDR q (words changed per step) must be >= 1, got " + q);
    }
    List<LvdrItem> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (VideoDescription video : videos) {
      RankingSequence sequence =
          synthesizer.hallucinations(video.text(), p, q, itemSeed(seed, video.videoId(), q));
      if (sequence.complete()) {
        items.add(new LvdrItem(video.videoId(), sequence.texts()));
      } else {
        skipped.add(video.videoId());
      }
    }
    return new LvdrSet(p, q, items, skipped);
  }

  // Depends on the video, not on its position in the list, so subsets of a list agree with it.
  private static long itemSeed(long seed, String videoId, int q) {
    return seed * 1_000_003L + videoId.hashCode() * 31L + q;
  }
}
