package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;

/** The single-process gather: the local batch is the global batch. */
public final class LocalFeatureGather implements FeatureGather {
  @Override
  public NDArray gather(NDArray local) {
    return local;
  }

  @Override
  public int rank() {
    return 0;
  }

  @Override
  public int worldSize() {
    return 1;
  }
}
