package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HDR: replaces a direction term by its opposite (left → right, up → down, clockwise →
 * counterclockwise). "left" as a verb ("she left") and "right" as in "right now" / "all right" are
 * not directions and stay.
 */
final class DirectionReplacement implements RankingOperator {

  private static final Set<String> NOT_DIRECTION_AFTER_RIGHT =
      Set.of("now", "away", "after", "before");

  @Override
  public String name() {
    return "direction";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.lower();
      if (token.replaced()
          || !ClosedCategories.isDirection(word)
          || token.is("VERB")
          || notADirection(tokens, i)) {
        continue;
      }
      edits.add(
          Edit.replacement(name(), i, List.of(ClosedCategories.DIRECTION_OPPOSITES.get(word))));
    }
    return edits;
  }

  private static boolean notADirection(List<Token> tokens, int i) {
    if (!tokens.get(i).lower().equals("right")) {
      return false;
    }
    boolean before =
        i + 1 < tokens.size() && NOT_DIRECTION_AFTER_RIGHT.contains(tokens.get(i + 1).lower());
    boolean allRight = i > 0 && tokens.get(i - 1).lower().equals("all");
    return before || allRight;
  }
}
