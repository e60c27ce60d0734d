package io.vclip.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

/**
 * The memory scope of one step. DJL puts an op's result in its first operand's manager; when that
 * operand is a parameter (or an input made once, outside the loop) the result would outlive the
 * step and the process would grow without bound. The scope temporarily attaches the parameters and
 * the given inputs to a fresh sub-manager, so closing it frees every intermediate and hands the
 * parameters back to their own manager.
 */
public final class StepScope {
  private StepScope() {}

  public static NDManager open(NDManager parent, VideoClipModel model, NDArray... longLivedInputs) {
    NDManager scope = parent.newSubManager();
    for (Parameter p : model.namedParameters().values()) {
      if (p.isInitialized()) scope.tempAttachAll(p.getArray());
    }
    for (NDArray a : longLivedInputs) {
      if (a != null) scope.tempAttachAll(a);
    }
    return scope;
  }
}
