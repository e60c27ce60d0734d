package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * HDR: replaces a number by a different one of the same grammatical number: a plural number word by
 * another ("two" → "five"), digits by a nearby value ("12" → "13"). "one" and "1" stay, since any
 * other count would disagree with the singular noun.
 */
final class NumberReplacement implements RankingOperator {

  @Override
  public String name() {
    return "number";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.lower();
      if (token.replaced()) {
        continue;
      }
      if (ClosedCategories.NUMBER_WORDS.contains(word)) {
        List<String> options = new ArrayList<>(ClosedCategories.NUMBER_WORDS);
        options.remove(word);
        edits.add(Edit.replacement(name(), i, options));
      } else if (word.matches("\\d{1,6}") && Integer.parseInt(word) >= 2) {
        edits.add(Edit.replacement(name(), i, nearby(Integer.parseInt(word))));
      }
    }
    return edits;
  }

  private static List<String> nearby(int n) {
    List<String> options = new ArrayList<>();
    for (int candidate : new int[] {n - 1, n + 1, n + 2, 2 * n}) {
      if (candidate >= 2 && candidate != n && !options.contains(String.valueOf(candidate))) {
        options.add(String.valueOf(candidate));
      }
    }
    return options;
  }
}
