package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/** The token range {@code [from, to)} of one sentence. */
record Sentence(int from, int to) {

  static List<Sentence> of(List<Token> tokens) {
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= tokens.size(); i++) {
      if (i == tokens.size() || tokens.get(i).sentenceStart()) {
        sentences.add(new Sentence(start, i));
        start = i;
      }
    }
    return sentences;
  }

  static Sentence containing(List<Token> tokens, int index) {
    for (Sentence sentence : of(tokens)) {
      if (index >= sentence.from && index < sentence.to) {
        return sentence;
      }
    }
    throw new IndexOutOfBoundsException("token " + index + " of " + tokens.size());
  }

  /** Words (not punctuation) of the sentence that lie outside {@code [cutFrom, cutTo)}. */
  int wordsLeftAfterCutting(List<Token> tokens, int cutFrom, int cutTo) {
    int words = 0;
    for (int i = from; i < to; i++) {
      if ((i < cutFrom || i >= cutTo) && !tokens.get(i).isPunctuation()) {
        words++;
      }
    }
    return words;
  }
}
