package io.vclip.trainer.data.ranking;

import java.util.List;

/**
 * A ranking sequence t_1 (the original) … t_k, k ≤ the requested m, and the edits that made it.
 * With q edits per step (LVDR), edits {@code (i−1)q … iq−1} turned {@code texts[i−1]} into {@code
 * texts[i]}.
 *
 * @param requested the m that was asked for; {@code texts.size() < requested} when the text ran out
 *     of places any operator could change, and {@link #shortfall()} says so
 */
public record RankingSequence(List<String> texts, List<RankingEdit> edits, int requested) {
  public RankingSequence {
    texts = List.copyOf(texts);
    edits = List.copyOf(edits);
  }

  public boolean complete() {
    return texts.size() == requested;
  }

  /** Empty when complete, otherwise a sentence saying how short the sequence is and why. */
  public String shortfall() {
    if (complete()) {
      return "";
    }
    return "only "
        + texts.size()
        + " of "
        + requested
        + " texts: no operator could change the text any further";
  }
}
