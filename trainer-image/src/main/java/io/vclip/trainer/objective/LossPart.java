package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;

/**
 * A computed part: its scalar loss (attached to the graph) and, for the parts that run PCE, the number
 * of principal components each sample kept (empty otherwise).
 */
public record LossPart(String name, NDArray loss, int[] componentsKept) {
  public LossPart(String name, NDArray loss) {
    this(name, loss, new int[0]);
  }
}
