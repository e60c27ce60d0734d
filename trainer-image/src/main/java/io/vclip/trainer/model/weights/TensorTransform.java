package io.vclip.trainer.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.vclip.trainer.model.text.PositionStretch;
import java.util.List;

/**
 * How source tensors become one of our parameters. Each kind of difference between checkpoint layouts
 * is one named transform here, so a mapping table reads as data.
 */
@FunctionalInterface
public interface TensorTransform {
  /**
   * @param sources the rule's source tensors, in the rule's order
   * @param target the shape our parameter has (used by reshapes; others just produce what they produce)
   */
  NDArray apply(List<NDArray> sources, Shape target);

  /** Same layout. */
  static TensorTransform identity() {
    return (s, t) -> s.get(0);
  }

  /** Hugging Face stores projections as {@code nn.Linear} (out × in); OpenAI as a matrix (in × out). */
  static TensorTransform transpose() {
    return (s, t) -> s.get(0).transpose();
  }

  /** Separate q, k, v projections packed into one {@code in_proj} tensor (rows q|k|v). */
  static TensorTransform concatRows() {
    return (s, t) -> NDArrays.concat(new NDList(s.toArray(new NDArray[0])), 0);
  }

  /** Same values, another shape with as many elements (a 0-d vs 1-d scalar, X-CLIP's (1, T, D)). */
  static TensorTransform reshape() {
    return (s, t) -> s.get(0).getShape().size() == t.size() ? s.get(0).reshape(t) : s.get(0);
  }

  /**
   * Rows [from, to) of a text position table; a 77-row CLIP table is first stretched to 248 rows by
   * Long-CLIP's knowledge-preserved rule when the model has 248 positions.
   */
  static TensorTransform textPositions(int from, int to, int contextLength) {
    return (s, t) -> {
      NDArray pe = s.get(0);
      long rows = pe.getShape().get(0);
      if (rows == PositionStretch.CLIP_POSITIONS && contextLength == 248) {
        pe = PositionStretch.stretch(pe);
      } else if (rows < to) {
        return pe; // reported as mis-shaped by the importer
      }
      return pe.get(new NDIndex("{}:{}", from, to));
    };
  }
}
