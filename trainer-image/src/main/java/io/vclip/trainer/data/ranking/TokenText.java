package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns tokens back into text after an edit, and repairs what an edit can break: the a/an before a
 * changed word, a sentence that lost its first word, and commas left stranded next to other
 * punctuation.
 */
final class TokenText {

  private static final Set<String> CLOSING = Set.of(".", ",", "!", "?", ";", ":");
  private static final Set<String> SENTENCE_END = Set.of(".", "!", "?");

  private TokenText() {}

  static String join(List<Token> tokens) {
    StringBuilder text = new StringBuilder();
    for (Token token : tokens) {
      if (token.spaceBefore() && text.length() > 0) {
        text.append(' ');
      }
      text.append(token.text());
    }
    return text.toString();
  }

  /**
   * {@code tokens} with {@code [from, to)} replaced by {@code insert}, then repaired around the
   * seam.
   */
  static List<Token> splice(List<Token> tokens, int from, int to, List<Token> insert) {
    List<Token> out = new ArrayList<>(tokens.subList(0, from));
    out.addAll(insert);
    int seam = out.size();
    out.addAll(tokens.subList(to, tokens.size()));
    if (insert.isEmpty() && seam < out.size()) {
      Token first = tokens.get(from);
      Token next = out.get(seam);
      // The word after a gap takes the gap's leading space (none at the start of the text).
      boolean space =
          next.isPunctuation() ? next.spaceBefore() : first.spaceBefore() || first.isPunctuation();
      next = next.withSpaceBefore(space && seam > 0);
      if (first.sentenceStart() && !next.sentenceStart()) {
        next = next.asSentenceStart();
      }
      out.set(seam, next);
    }
    dropStrandedCommas(out);
    fixArticle(out, Math.min(from, out.size()));
    return out;
  }

  /** A comma before other punctuation, or at a sentence start, is left over from a deletion. */
  private static void dropStrandedCommas(List<Token> tokens) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token token = tokens.get(i);
      if (!token.text().equals(",")) {
        continue;
      }
      boolean beforePunctuation =
          i + 1 < tokens.size() && CLOSING.contains(tokens.get(i + 1).text());
      boolean atStart =
          token.sentenceStart() || i == 0 || SENTENCE_END.contains(tokens.get(i - 1).text());
      if (beforePunctuation || atStart) {
        tokens.remove(i);
        if (atStart && i < tokens.size()) {
          tokens.set(i, tokens.get(i).asSentenceStart().withSpaceBefore(i > 0));
        }
      }
    }
  }

  /** Re-chooses a/an when the word after the article changed (an apple → a pear). */
  private static void fixArticle(List<Token> tokens, int changed) {
    int article = changed - 1;
    if (article < 0 || changed >= tokens.size()) {
      return;
    }
    String word = tokens.get(article).lower();
    if (!word.equals("a") && !word.equals("an")) {
      return;
    }
    String wanted = Articles.indefiniteFor(tokens.get(changed).text());
    if (!wanted.equals(word)) {
      Token old = tokens.get(article);
      String text = Character.isUpperCase(old.text().charAt(0)) ? capitalise(wanted) : wanted;
      tokens.set(article, old.withText(text));
    }
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
