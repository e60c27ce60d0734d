package io.vclip.trainer.model.weights;

import io.vclip.trainer.model.ModelConfig;
import java.util.List;

/** A checkpoint naming convention: the mapping table from its tensor names to ours. */
public interface CheckpointFormat {
  /** The name a user types ({@code --format}). */
  String id();

  /** The rules for a model of this configuration (layer counts and switched-on parts decide them). */
  List<TensorRule> rules(ModelConfig config);

  /** Tensors the format carries that are not parameters (buffers); never reported as unexpected. */
  default boolean isBuffer(String sourceName) {
    return false;
  }
}
