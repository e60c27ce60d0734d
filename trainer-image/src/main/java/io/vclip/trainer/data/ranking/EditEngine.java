package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a ranking sequence by applying edits cumulatively: each step applies {@code perStep} more
 * edits to the previous text. An operator is drawn uniformly among those that still apply, then one
 * of its places, then one of its words; an edit that leaves the text unchanged is discarded and
 * another is drawn, so no step is a no-op.
 */
final class EditEngine {

  private final List<RankingOperator> operators;

  EditEngine(List<RankingOperator> operators) {
    this.operators = List.copyOf(operators);
  }

  RankingSequence run(String original, List<Token> tokens, int m, int perStep, long seed) {
    if (m < 1) {
      throw new IllegalArgumentException("ranking sequence length m must be >= 1, got " + m);
    }
    if (perStep < 1) {
      throw new IllegalArgumentException("edits per step must be >= 1, got " + perStep);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> texts = new ArrayList<>(List.of(original));
    List<RankingEdit> edits = new ArrayList<>();
    List<Token> current = tokens;
    while (texts.size() < m) {
      List<Token> next = current;
      List<RankingEdit> stepEdits = new ArrayList<>();
      for (int e = 0; e < perStep && next != null; e++) {
        Applied applied = applyOne(next, random);
        next = applied == null ? null : applied.tokens();
        if (applied != null) {
          stepEdits.add(applied.edit());
        }
      }
      if (next == null) {
        break;
      }
      current = next;
      texts.add(TokenText.join(current));
      edits.addAll(stepEdits);
    }
    return new RankingSequence(texts, edits, m);
  }

  private record Applied(List<Token> tokens, RankingEdit edit) {}

  private Applied applyOne(List<Token> tokens, SplittableRandom random) {
    String before = TokenText.join(tokens);
    List<List<Edit>> open = new ArrayList<>();
    for (RankingOperator operator : operators) {
      List<Edit> candidates = new ArrayList<>(operator.candidates(tokens));
      if (!candidates.isEmpty()) {
        open.add(candidates);
      }
    }
    while (!open.isEmpty()) {
      int o = random.nextInt(open.size());
      List<Edit> candidates = open.get(o);
      Edit edit = candidates.remove(random.nextInt(candidates.size()));
      if (candidates.isEmpty()) {
        open.remove(o);
      }
      Applied applied = apply(tokens, edit, random);
      if (!TokenText.join(applied.tokens()).equals(before)) {
        return applied;
      }
    }
    return null;
  }

  private static Applied apply(List<Token> tokens, Edit edit, SplittableRandom random) {
    String removed = TokenText.join(tokens.subList(edit.from(), edit.to())).trim();
    if (edit.isDeletion()) {
      List<Token> out = TokenText.splice(tokens, edit.from(), edit.to(), List.of());
      return new Applied(out, new RankingEdit(edit.operator(), removed, ""));
    }
    String word = edit.options().get(random.nextInt(edit.options().size()));
    Token replacement = tokens.get(edit.from()).replacedBy(word);
    List<Token> out = TokenText.splice(tokens, edit.from(), edit.to(), List.of(replacement));
    return new Applied(out, new RankingEdit(edit.operator(), removed, replacement.text()));
  }
}
