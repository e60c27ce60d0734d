package io.vclip.trainer.data.ranking;

import java.util.List;

/**
 * An LVDR subset p×q (VideoCLIP-XL §4): items whose p descriptions each have q more wrong words
 * than the one before.
 *
 * @param skipped videos whose description had too few replaceable words for p−1 steps of q
 */
public record LvdrSet(int p, int q, List<LvdrItem> items, List<String> skipped) {
  public LvdrSet {
    items = List.copyOf(items);
    skipped = List.copyOf(skipped);
  }

  /** "4x2" and so on: the name the paper gives the subset. */
  public String name() {
    return p + "x" + q;
  }
}
