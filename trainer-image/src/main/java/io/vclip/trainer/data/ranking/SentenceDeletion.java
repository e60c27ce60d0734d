package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * DDR: deletes one whole sentence other than the first (an independent clause of a multi-sentence
 * description); the first sentence usually introduces the scene and is kept.
 */
final class SentenceDeletion implements RankingOperator {

  @Override
  public String name() {
    return "sentence";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Sentence> sentences = Sentence.of(tokens);
    List<Edit> edits = new ArrayList<>();
    for (Sentence sentence : sentences.subList(Math.min(1, sentences.size()), sentences.size())) {
      edits.add(Edit.deletion(name(), sentence.from(), sentence.to()));
    }
    return edits;
  }
}
