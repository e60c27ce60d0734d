package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DDR: deletes one attributive adjective ("a young boy" → "a boy"), with the adverbs that grade it
 * ("very tall") and the comma or conjunction that joined it to another adjective ("red and white
 * car" → "white car"). Predicative adjectives ("the car is red") stay: deleting them would leave
 * "the car is". Colour words count as adjectives even when the tagger calls them nouns.
 */
final class AdjectiveDeletion implements RankingOperator {

  private static final Set<String> JOINERS = Set.of(",", "and", "or");
  private static final Set<String> KEEP = Set.of("such");

  @Override
  public String name() {
    return "adjective";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!isAdjective(tokens.get(i))
          || KEEP.contains(tokens.get(i).lower())
          || !attributive(tokens, i)) {
        continue;
      }
      int from = i;
      int to = i + 1;
      while (from > 0 && tokens.get(from - 1).is("ADV")) {
        from--;
      }
      if (JOINERS.contains(tokens.get(to).lower())
          && to + 1 < tokens.size()
          && isAdjective(tokens.get(to + 1))) {
        to++;
      } else if (from >= 2
          && JOINERS.contains(tokens.get(from - 1).lower())
          && isAdjective(tokens.get(from - 2))) {
        from--;
      }
      edits.add(Edit.deletion(name(), from, to));
    }
    return edits;
  }

  static boolean isAdjective(Token token) {
    return token.is("ADJ") || ClosedCategories.isColour(token.lower());
  }

  /** Followed by its noun, by another adjective, or by a joiner and another adjective. */
  private static boolean attributive(List<Token> tokens, int i) {
    Token next = tokens.get(i + 1);
    if (next.is("NOUN") || next.is("PROPN") || isAdjective(next)) {
      return !ClosedCategories.isColour(tokens.get(i).lower())
          || next.is("NOUN")
          || isAdjective(next);
    }
    return JOINERS.contains(next.lower())
        && i + 2 < tokens.size()
        && isAdjective(tokens.get(i + 2));
  }
}
