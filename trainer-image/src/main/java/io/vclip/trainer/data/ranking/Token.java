package io.vclip.trainer.data.ranking;

/**
 * One word or punctuation mark of a description, with what the tagger said about it.
 *
 * @param tag the Universal Dependencies part of speech (NOUN, VERB, ADJ, ADP, NUM, PUNCT, …)
 * @param spaceBefore whether the original text had white space before it; the text is rebuilt from
 *     these so untouched parts keep their original spacing
 * @param sentenceStart whether it opens a sentence (capitalisation follows it)
 * @param replaced whether an HDR step already changed it; a replaced word is never replaced again,
 *     so each step adds exactly one more wrong word
 */
public record Token(
    String text,
    String tag,
    String lemma,
    boolean spaceBefore,
    boolean sentenceStart,
    boolean replaced) {

  public boolean is(String udTag) {
    return tag.equals(udTag);
  }

  public boolean isPunctuation() {
    return tag.equals("PUNCT");
  }

  public String lower() {
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** The same slot holding another word: keeps spacing and sentence position, marks it replaced. */
  public Token replacedBy(String word) {
    return new Token(matchCase(word), tag, word, spaceBefore, sentenceStart, true);
  }

  public Token withText(String newText) {
    return new Token(newText, tag, lemma, spaceBefore, sentenceStart, replaced);
  }

  public Token withSpaceBefore(boolean space) {
    return new Token(text, tag, lemma, space, sentenceStart, replaced);
  }

  public Token asSentenceStart() {
    String capital =
        text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    return new Token(capital, tag, lemma, spaceBefore, true, replaced);
  }

  private String matchCase(String word) {
    boolean capital = !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    return capital && !word.isEmpty()
        ? Character.toUpperCase(word.charAt(0)) + word.substring(1)
        : word;
  }
}
