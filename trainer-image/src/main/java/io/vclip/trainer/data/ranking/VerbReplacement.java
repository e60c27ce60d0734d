package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HDR: replaces a main verb by a different action from WordNet — an antonym (open → close) or a
 * co-hyponym (throw → kick) — in the same form (throws → kicks, threw → kicked). Light verbs (be,
 * have, do, get) and verbs whose form or whose replacement's form is not known are left.
 */
final class VerbReplacement implements RankingOperator {

  private final WordNetAlternatives wordNet;

  VerbReplacement(WordNetAlternatives wordNet) {
    this.wordNet = wordNet;
  }

  @Override
  public String name() {
    return "verb";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.lower();
      String lemma = token.lemma();
      if (token.replaced()
          || !token.is("VERB")
          || ClosedCategories.LIGHT_VERBS.contains(lemma)
          || ClosedCategories.isClosed(word)) {
        continue;
      }
      Optional<Inflector.VerbForm> form = Inflector.formOf(word, lemma);
      if (form.isEmpty()) {
        continue;
      }
      boolean pastForm =
          form.get() == Inflector.VerbForm.PAST || form.get() == Inflector.VerbForm.PARTICIPLE;
      List<String> options = new ArrayList<>();
      for (String alternative : wordNet.verbs(lemma)) {
        if (pastForm
            && wordNet.isIrregularVerb(alternative)
            && !Inflector.listsIrregular(alternative)) {
          continue;
        }
        Inflector.inflect(alternative, form.get())
            .filter(inflected -> !inflected.equals(word))
            .ifPresent(options::add);
      }
      if (!options.isEmpty()) {
        edits.add(Edit.replacement(name(), i, options));
      }
    }
    return edits;
  }
}
