package io.vclip.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.vclip.trainer.checkpoint.FloatTensor;
import io.vclip.trainer.model.VideoClipModel;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Model parameters to and from the checkpoint's named float tensors (every parameter, frozen ones too). */
final class ModelStateCodec {
  private ModelStateCodec() {}

  static Map<String, FloatTensor> capture(VideoClipModel model) {
    Map<String, FloatTensor> out = new LinkedHashMap<>();
    model.namedParameters().forEach((name, p) -> {
      NDArray a = p.getArray();
      out.put(name, FloatTensor.of(a.toFloatArray(), a.getShape().getShape()));
    });
    return out;
  }

  /** Copies saved values into the model's parameters; names and shapes must match exactly. */
  static void restore(VideoClipModel model, Map<String, FloatTensor> saved) {
    Map<String, Parameter> params = model.namedParameters();
    for (var e : params.entrySet()) {
      FloatTensor t = saved.get(e.getKey());
      if (t == null) {
        throw new IllegalStateException("checkpoint has no parameter '" + e.getKey() + "' (a different model?)");
      }
      NDArray a = e.getValue().getArray();
      if (!java.util.Arrays.equals(t.shape(), a.getShape().getShape())) {
        throw new IllegalStateException("checkpoint parameter '" + e.getKey() + "' has shape "
            + java.util.Arrays.toString(t.shape()) + " but the model's is " + a.getShape());
      }
      FloatBuffer values = t.values().duplicate();
      values.rewind();
      a.set(values);
    }
  }
}
