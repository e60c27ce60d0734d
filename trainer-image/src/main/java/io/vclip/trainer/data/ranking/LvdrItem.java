package io.vclip.trainer.data.ranking;

import java.util.List;

/**
 * One LVDR test item: a video and p descriptions in the order a model must rank them — the true
 * description first, then ones with q, 2q, … (p−1)q words wrongly replaced.
 */
public record LvdrItem(String videoId, List<String> descriptions) {
  public LvdrItem {
    descriptions = List.copyOf(descriptions);
  }
}
