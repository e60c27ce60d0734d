package io.vclip.trainer.model.layers;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dotted names of all parameters under a {@link NamedBlock}, in declaration order. */
public final class NamedParameters {
  private NamedParameters() {}

  public static Map<String, Parameter> of(NamedBlock root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect("", root, out);
    return out;
  }

  private static void collect(String prefix, NamedBlock block, Map<String, Parameter> out) {
    block.namedDirectParameters().forEach((name, p) -> out.put(prefix + name, p));
    block.namedChildren().forEach((name, child) -> collect(prefix + name + ".", child, out));
  }
}
