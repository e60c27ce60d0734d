package io.vclip.trainer.data.ranking;

import java.util.List;

/** One DDR deletion or HDR replacement rule: lists every place in a text where it applies. */
interface RankingOperator {

  /** Short name reported in {@link RankingEdit#operator()}, e.g. "adjective" or "noun". */
  String name();

  /** Every applicable edit, in text order (empty when the operator cannot apply). */
  List<Edit> candidates(List<Token> tokens);
}
