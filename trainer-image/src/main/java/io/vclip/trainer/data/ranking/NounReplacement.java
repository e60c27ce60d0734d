package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * HDR: replaces a common noun by a different thing of the same kind from WordNet (boy → girl, dog →
 * wolf, car → truck), in the same grammatical number (dogs → wolves).
 */
final class NounReplacement implements RankingOperator {

  private final WordNetAlternatives wordNet;

  NounReplacement(WordNetAlternatives wordNet) {
    this.wordNet = wordNet;
  }

  @Override
  public String name() {
    return "noun";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.lower();
      String lemma = token.lemma();
      if (token.replaced()
          || !token.is("NOUN")
          || !word.matches("[a-z]+")
          || ClosedCategories.isClosed(word)) {
        continue;
      }
      boolean plural = Inflector.isPlural(word, lemma);
      if (!plural && !word.equals(lemma)) {
        continue;
      }
      List<String> options = new ArrayList<>();
      for (String alternative : wordNet.nouns(lemma)) {
        String form = plural ? Inflector.plural(alternative) : alternative;
        if (!form.equals(word)) {
          options.add(form);
        }
      }
      if (!options.isEmpty()) {
        edits.add(Edit.replacement(name(), i, options));
      }
    }
    return edits;
  }
}
