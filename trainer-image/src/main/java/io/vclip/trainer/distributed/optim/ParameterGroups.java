package io.vclip.trainer.distributed.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Per-parameter optimizer settings chosen by parameter name, e.g. ×10 learning rate for the X-CLIP
 * additions and no weight decay on norms, biases and embeddings. Rules come from the caller (the model
 * knows its names); the last matching learning-rate rule wins, any matching no-decay rule applies.
 */
public final class ParameterGroups {

  /** What one parameter gets. */
  public record Settings(double learningRateMultiplier, boolean weightDecay) {}

  private record MultiplierRule(Predicate<String> names, double multiplier) {}

  private final List<MultiplierRule> multipliers;
  private final List<Predicate<String>> noDecay;

  private ParameterGroups(List<MultiplierRule> multipliers, List<Predicate<String>> noDecay) {
    this.multipliers = List.copyOf(multipliers);
    this.noDecay = List.copyOf(noDecay);
  }

  /** Everything at the base learning rate, with weight decay. */
  public static ParameterGroups uniform() {
    return new ParameterGroups(List.of(), List.of());
  }

  public ParameterGroups withLearningRateMultiplier(Predicate<String> names, double multiplier) {
    if (!(multiplier > 0)) {
      throw new IllegalArgumentException("learning-rate multiplier " + multiplier + " must be positive");
    }
    List<MultiplierRule> rules = new ArrayList<>(multipliers);
    rules.add(new MultiplierRule(names, multiplier));
    return new ParameterGroups(rules, noDecay);
  }

  public ParameterGroups withoutWeightDecay(Predicate<String> names) {
    List<Predicate<String>> rules = new ArrayList<>(noDecay);
    rules.add(names);
    return new ParameterGroups(multipliers, rules);
  }

  public Settings settingsFor(String parameterName) {
    double multiplier = 1;
    for (MultiplierRule rule : multipliers) {
      if (rule.names().test(parameterName)) {
        multiplier = rule.multiplier();
      }
    }
    boolean decay = noDecay.stream().noneMatch(p -> p.test(parameterName));
    return new Settings(multiplier, decay);
  }
}
