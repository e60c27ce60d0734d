package io.vclip.trainer.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Token ids padded to the context length, and where each row's end-of-text token sits (the position the
 * text encoder pools).
 *
 * @param ids (N, L)
 * @param eotIndex (N)
 */
public record TokenizedText(long[][] ids, long[] eotIndex) {
  public NDArray idsArray(NDManager manager) {
    return manager.create(ids);
  }

  public NDArray eotArray(NDManager manager) {
    return manager.create(eotIndex);
  }
}
