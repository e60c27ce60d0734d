package io.vclip.trainer.model.weights;

import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.VideoClipModel;
import java.util.List;

/** Our own files: every parameter under its dotted name, unchanged. */
public final class VclipFormat implements CheckpointFormat {
  public static final String ID = "vclip";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<TensorRule> rules(ModelConfig config) {
    // The names come from the blocks themselves; building the (unallocated) model lists them.
    return new VideoClipModel(config)
        .namedParameters().keySet().stream().map(n -> TensorRule.same(n, n)).toList();
  }
}
