package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DDR: deletes one prepositional phrase, the syntactic subtree "preposition + noun phrase" ("in a
 * red jacket", "on a wooden bench"), including an attached of-phrase ("in front of the house").
 * Without a parser model, the noun phrase is read from tags: determiners, possessives, numbers,
 * adverbs and adjectives, then one or more nouns. Kept: phrases headed by "of" (the head noun's own
 * complement) and complements of "be" ("is on the table").
 */
final class PrepositionalPhraseDeletion implements RankingOperator {

  private static final Set<String> MODIFIER_TAGS = Set.of("DET", "PRON", "NUM", "ADV", "ADJ");

  @Override
  public String name() {
    return "prepositional-phrase";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token head = tokens.get(i);
      if (!head.is("ADP") || head.lower().equals("of")) {
        continue;
      }
      if (i > 0 && tokens.get(i - 1).lemma().equals("be")) {
        continue;
      }
      int end = nounPhraseEnd(tokens, i + 1);
      if (end < 0) {
        continue;
      }
      if (end < tokens.size() && tokens.get(end).lower().equals("of")) {
        int ofEnd = nounPhraseEnd(tokens, end + 1);
        if (ofEnd < 0) {
          continue;
        }
        end = ofEnd;
      }
      // A fronted phrase takes its comma along: "In the park, a boy runs" → "A boy runs".
      if (head.sentenceStart() && end < tokens.size() && tokens.get(end).text().equals(",")) {
        end++;
      }
      Sentence sentence = Sentence.containing(tokens, i);
      if (sentence.wordsLeftAfterCutting(tokens, i, end) >= 2) {
        edits.add(Edit.deletion(name(), i, end));
      }
    }
    return edits;
  }

  /** The index after a noun phrase starting at {@code from}, or −1 when none starts there. */
  private static int nounPhraseEnd(List<Token> tokens, int from) {
    int i = from;
    while (i < tokens.size()
        && (MODIFIER_TAGS.contains(tokens.get(i).tag())
            || ClosedCategories.isColour(tokens.get(i).lower()))
        && !tokens.get(i).is("NOUN")) {
      i++;
    }
    int nouns = i;
    while (i < tokens.size() && (tokens.get(i).is("NOUN") || tokens.get(i).is("PROPN"))) {
      i++;
    }
    return i > nouns ? i : -1;
  }
}
