package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DDR: deletes one clause — a coordinated or subordinate clause after a comma (", and the dog
 * barks", ", while two women sit …"), a participle clause (", holding a cup"), a relative clause
 * ("that has blue windows", ", which …,"), or a sentence-initial subordinate clause ("While it
 * rains, …"). A span counts as a clause only if it holds a verb; the sentence must keep at least
 * two words.
 */
final class ClauseDeletion implements RankingOperator {

  private static final Set<String> AFTER_COMMA =
      Set.of(
          "and",
          "but",
          "or",
          "yet",
          "so",
          "while",
          "whereas",
          "although",
          "though",
          "because",
          "as",
          "when",
          "where",
          "which",
          "who",
          "whose",
          "whom",
          "before",
          "after",
          "until",
          "since");
  private static final Set<String> RELATIVE =
      Set.of("which", "who", "whose", "whom", "where", "that");
  private static final Set<String> OPENING =
      Set.of(
          "while", "when", "as", "after", "before", "although", "though", "because", "since", "if");

  @Override
  public String name() {
    return "clause";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (Sentence sentence : Sentence.of(tokens)) {
      for (int i = sentence.from(); i < sentence.to() - 1; i++) {
        Token token = tokens.get(i);
        Token next = tokens.get(i + 1);
        if (token.text().equals(",")
            && (AFTER_COMMA.contains(next.lower()) || isParticiple(next))) {
          int end = clauseEnd(tokens, i + 1, sentence);
          // A non-restrictive relative clause is cut with both its commas: "A, which …, B" → "A B".
          if (RELATIVE.contains(next.lower())
              && end < sentence.to()
              && tokens.get(end).text().equals(",")) {
            end++;
          }
          add(edits, tokens, sentence, i, end, isParticiple(next) ? i + 2 : i + 1);
        } else if (RELATIVE.contains(token.lower())
            && token.is("PRON")
            && i > sentence.from()
            && isNoun(tokens.get(i - 1))) {
          add(edits, tokens, sentence, i, clauseEnd(tokens, i + 1, sentence), i + 1);
        } else if (i == sentence.from() && OPENING.contains(token.lower())) {
          int comma = clauseEnd(tokens, i + 1, sentence);
          if (comma < sentence.to() && tokens.get(comma).text().equals(",")) {
            add(edits, tokens, sentence, i, comma + 1, i + 1);
          }
        }
      }
    }
    return edits;
  }

  private void add(
      List<Edit> edits,
      List<Token> tokens,
      Sentence sentence,
      int from,
      int to,
      int verbSearchFrom) {
    if (hasVerb(tokens, verbSearchFrom, to)
        && sentence.wordsLeftAfterCutting(tokens, from, to) >= 2) {
      edits.add(Edit.deletion(name(), from, to));
    }
  }

  /** The next comma or sentence-final punctuation at or after {@code from}. */
  private static int clauseEnd(List<Token> tokens, int from, Sentence sentence) {
    int i = from;
    while (i < sentence.to()
        && !(tokens.get(i).isPunctuation() && ",.;:!?".contains(tokens.get(i).text()))) {
      i++;
    }
    return i;
  }

  private static boolean hasVerb(List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).is("VERB") || tokens.get(i).is("AUX")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isParticiple(Token token) {
    return token.is("VERB") && token.lower().endsWith("ing");
  }

  private static boolean isNoun(Token token) {
    return token.is("NOUN") || token.is("PROPN");
  }
}
