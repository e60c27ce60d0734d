package io.vclip.trainer.model.weights;

import io.vclip.trainer.model.ModelConfig;
import java.util.List;

/**
 * Long-CLIP checkpoints: OpenAI naming with 248 positions held in two full-size tensors that the model
 * masks — {@code positional_embedding} supplies rows 0–19 and {@code positional_embedding_res} rows
 * 20–247 — which map directly onto our kept and stretched tensors.
 */
public final class LongClipFormat implements CheckpointFormat {
  public static final String ID = "long-clip";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean isBuffer(String sourceName) {
    return OpenAiClipFormat.METADATA.contains(sourceName);
  }

  @Override
  public List<TensorRule> rules(ModelConfig config) {
    NameTable table = new NameTable();
    OpenAiClipFormat.visionTower(table, config);
    OpenAiClipFormat.textTower(table, config);
    OpenAiClipFormat.textPositions(table, config, "positional_embedding", "positional_embedding_res");
    table.rule("logit_scale", "logit_scale", TensorTransform.reshape());
    return table.rules();
  }
}
