package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * DDR: deletes a number that counts a plural noun ("two women sit" → "women sit"). "one" and
 * numbers not followed by their noun ("at 5 pm", "two of them") stay, since deleting them breaks
 * the sentence.
 */
final class NumberDeletion implements RankingOperator {

  @Override
  public String name() {
    return "number";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.lower();
      boolean number =
          (token.is("NUM") || ClosedCategories.isNumberWord(word)) && !word.equals("one");
      if (number && countsPluralNoun(tokens, i + 1)) {
        edits.add(Edit.deletion(name(), i, i + 1));
      }
    }
    return edits;
  }

  /** Adjectives, then a plural noun. */
  private static boolean countsPluralNoun(List<Token> tokens, int from) {
    int i = from;
    while (i < tokens.size() && AdjectiveDeletion.isAdjective(tokens.get(i))) {
      i++;
    }
    if (i >= tokens.size() || !tokens.get(i).is("NOUN")) {
      return false;
    }
    Token noun = tokens.get(i);
    return !noun.lower().equals(noun.lemma());
  }
}
