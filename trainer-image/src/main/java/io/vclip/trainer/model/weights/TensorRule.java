package io.vclip.trainer.model.weights;

import java.util.List;

/** One of our parameters ({@code target}) and the checkpoint tensors it is built from. */
public record TensorRule(String target, List<String> sources, TensorTransform transform) {
  public static TensorRule same(String target, String source) {
    return new TensorRule(target, List.of(source), TensorTransform.identity());
  }
}
