package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Stochastic depth (X-CLIP's {@code DropPath}): in training, a residual branch is dropped for a whole
 * sample with probability {@code rate} and the kept ones are scaled by 1/(1−rate).
 */
public final class DropPath {
  private DropPath() {}

  /** branch (N, ...) — one draw per leading index. Identity outside training or at rate 0. */
  public static NDArray apply(NDArray branch, float rate, boolean training) {
    if (!training || rate <= 0f) {
      return branch;
    }
    long[] dims = new long[branch.getShape().dimension()];
    java.util.Arrays.fill(dims, 1);
    dims[0] = branch.getShape().get(0);
    float keep = 1f - rate;
    NDArray mask =
        branch.getManager().randomUniform(0f, 1f, new Shape(dims), DataType.FLOAT32, branch.getDevice())
            .lt(keep)
            .toType(branch.getDataType(), false)
            .div(keep);
    return branch.mul(mask);
  }
}
