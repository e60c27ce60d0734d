package io.vclip.trainer.model.weights;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of {@link TensorRule}s, built by a checkpoint format's mapping table. */
public final class NameTable {
  private final List<TensorRule> rules = new ArrayList<>();

  public NameTable same(String target, String source) {
    rules.add(TensorRule.same(target, source));
    return this;
  }

  /** {@code target.weight ← source.weight} and {@code target.bias ← source.bias}. */
  public NameTable sameWeightAndBias(String target, String source) {
    return same(target + ".weight", source + ".weight").same(target + ".bias", source + ".bias");
  }

  public NameTable rule(String target, List<String> sources, TensorTransform transform) {
    rules.add(new TensorRule(target, sources, transform));
    return this;
  }

  public NameTable rule(String target, String source, TensorTransform transform) {
    return rule(target, List.of(source), transform);
  }

  public List<TensorRule> rules() {
    return List.copyOf(rules);
  }
}
