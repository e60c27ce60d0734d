package io.vclip.trainer.model;

import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * Parameter counts by part, computed from declared shapes (nothing is allocated).
 *
 * @param visionTower the CLIP image ViT (what OpenAI's {@code visual.*} holds)
 * @param textTower the CLIP text transformer, at this model's context length
 * @param xclipAdditions message tokens, MIT and prompt generator
 * @param logitScale the temperature (1)
 * @param frozen parameters that are not trained (Long-CLIP's kept positions)
 */
public record ParameterCounts(
    long visionTower, long textTower, long xclipAdditions, long logitScale, long frozen) {

  public long total() {
    return visionTower + textTower + xclipAdditions + logitScale;
  }

  /** What a plain CLIP checkpoint of the same towers holds. */
  public long clipTotal() {
    return visionTower + textTower + logitScale;
  }

  public static ParameterCounts of(Map<String, Parameter> named) {
    long vision = 0;
    long text = 0;
    long added = 0;
    long scale = 0;
    long frozen = 0;
    for (Map.Entry<String, Parameter> e : named.entrySet()) {
      long n = e.getValue().getShape().size();
      String name = e.getKey();
      if (ParameterGroups.isXClipAddition(name)) {
        added += n;
      } else if (name.startsWith("vision.")) {
        vision += n;
      } else if (name.startsWith("text.")) {
        text += n;
      } else {
        scale += n;
      }
      if (!e.getValue().requiresGradient()) {
        frozen += n;
      }
    }
    return new ParameterCounts(vision, text, added, scale, frozen);
  }
}
