package io.vclip.trainer.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.vclip.trainer.model.TextConfig;

/**
 * Long-CLIP's knowledge-preserved stretching of CLIP's 77 text positions to 248 (Long-CLIP §3.1):
 * rows 0–19 are kept; each original row j = 20…75 becomes the four rows 4(j−20)+20+k, k = 0…3, with
 * ((4−k)·pe[j] + k·pe[j+1])/4; the last four rows extrapolate pe[76] + k·(pe[76]−pe[75])/4.
 */
public final class PositionStretch {
  public static final int CLIP_POSITIONS = 77;
  private static final int RATIO = 4;

  private PositionStretch() {}

  /** pe (77, W) → (248, W). */
  public static NDArray stretch(NDArray pe) {
    long rows = pe.getShape().get(0);
    if (rows != CLIP_POSITIONS) {
      throw new IllegalArgumentException(
          "positional embedding to stretch has " + rows + " rows, expected " + CLIP_POSITIONS);
    }
    int kept = TextConfig.KEPT_POSITIONS;
    NDList parts = new NDList();
    parts.add(pe.get(new NDIndex("0:{}", kept)));
    // Interpolate all 56 gaps at once: rows j and j+1 for j = 20…75, weights (4−k)/4 and k/4.
    NDArray lo = pe.get(new NDIndex("{}:{}", kept, CLIP_POSITIONS - 1)); // (56, W)
    NDArray hi = pe.get(new NDIndex("{}:{}", kept + 1, CLIP_POSITIONS)); // (56, W)
    NDList perK = new NDList();
    for (int k = 0; k < RATIO; k++) {
      perK.add(lo.mul((RATIO - k) / (float) RATIO).add(hi.mul(k / (float) RATIO)));
    }
    long width = pe.getShape().get(1);
    parts.add(NDArrays.stack(perK, 1).reshape(-1, width)); // row-major: 4(j−20)+k
    NDArray last = pe.get(new NDIndex("{}", CLIP_POSITIONS - 1));
    NDArray step = last.sub(pe.get(new NDIndex("{}", CLIP_POSITIONS - 2)));
    NDList tail = new NDList();
    for (int k = 0; k < RATIO; k++) {
      tail.add(last.add(step.mul(k / (float) RATIO)));
    }
    parts.add(NDArrays.stack(tail, 0));
    return NDArrays.concat(parts, 0);
  }
}
