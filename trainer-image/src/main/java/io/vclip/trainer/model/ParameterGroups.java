package io.vclip.trainer.model;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How the optimizer treats each parameter, decided by name. The rules live here once, so the optimizer,
 * {@code vclip model info} and the docs agree.
 */
public final class ParameterGroups {
  private ParameterGroups() {}

  /**
   * X-CLIP's new parts — message tokens, MIT, prompt generator — which X-CLIP trains at 10× the learning
   * rate of the pretrained CLIP towers.
   */
  public static boolean isXClipAddition(String name) {
    return name.contains(".message_") || name.startsWith("mit.") || name.startsWith("prompts.");
  }

  /**
   * Exempt from weight decay (as X-CLIP and CLIP do): anything of rank ≤ 1 (norm scales, biases, the
   * prompt alpha, the class token, the logit scale) and every embedding table.
   */
  public static boolean isNoWeightDecay(String name, Parameter p) {
    return p.getShape().dimension() <= 1 || name.contains("embedding");
  }

  /** The trainable X-CLIP additions among {@code named} (the optimizer's ×10 group). */
  public static Map<String, Parameter> xclipAdditions(Map<String, Parameter> named) {
    return select(named, e -> isXClipAddition(e.getKey()));
  }

  /** The trainable parameters exempt from weight decay. */
  public static Map<String, Parameter> noWeightDecay(Map<String, Parameter> named) {
    return select(named, e -> isNoWeightDecay(e.getKey(), e.getValue()));
  }

  private static Map<String, Parameter> select(
      Map<String, Parameter> named, Predicate<Map.Entry<String, Parameter>> rule) {
    return named.entrySet().stream()
        .filter(e -> e.getValue().requiresGradient())
        .filter(rule)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
