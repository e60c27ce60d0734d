package io.vclip.trainer.distributed.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.TensorMemory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small model's worth of parameters (39 floats: odd, so W=2 and W=3 shards need padding) and a
 * gradient that depends on the current parameters, split unevenly across ranks so that only the
 * average over ranks (the optimizer's default reduction) equals the global gradient.
 */
final class TinyProblem {
  static final String[] NAMES = {"cct.weight", "cct.bias", "ln.gamma", "mit.weight"};
  static final Shape[] SHAPES = {new Shape(3, 5), new Shape(5), new Shape(7), new Shape(4, 3)};

  final PairList<String, Parameter> parameters = new PairList<>();

  TinyProblem(NDManager manager) {
    int k = 0;
    for (int i = 0; i < NAMES.length; i++) {
      float[] init = new float[(int) SHAPES[i].size()];
      for (int j = 0; j < init.length; j++, k++) {
        init[j] = (float) Math.cos(0.37 * k) * 0.5f;
      }
      NDArray array = manager.create(init, SHAPES[i]);
      array.setRequiresGradient(true);
      Parameter p = Parameter.builder().setName(NAMES[i]).setType(Parameter.Type.WEIGHT).optArray(array).build();
      parameters.add(new Pair<>(NAMES[i], p));
    }
  }

  static ParameterGroups groups() {
    return ParameterGroups.uniform()
        .withLearningRateMultiplier(n -> n.startsWith("mit."), 10)
        .withoutWeightDecay(n -> n.endsWith(".bias") || n.endsWith(".gamma"));
  }

  static AdamWSettings settings() {
    return AdamWSettings.xclipDefaults().withWeightDecay(0.05).withMaxGradNorm(1.0);
  }

  static LearningRateSchedule schedule() {
    return LearningRateSchedule.warmupCosine(1e-2, 3, 20, 0.1);
  }

  ShardedAdamW optimizer(Collectives collectives) {
    return new ShardedAdamW(parameters, groups(), settings(), schedule(), collectives, 8);
  }

  /**
   * Back-propagates a loss whose gradient is this rank's share of the global gradient of update
   * {@code t} (added to what the tensors hold, as DJL accumulates).
   */
  void addGradient(long t, int rank, int worldSize) {
    // Uneven shares whose mean over ranks is 1: the averaged gradient equals the global one.
    double share = 2.0 * (rank + 1) / (worldSize + 1);
    int k = 0;
    NDList terms = new NDList();
    try (NDManager scratch = NDManager.newBaseManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      for (Pair<String, Parameter> e : parameters) {
        NDArray array = e.getValue().getArray();
        float[] values = array.toFloatArray();
        float[] grad = new float[values.length];
        for (int i = 0; i < grad.length; i++, k++) {
          grad[i] = (float) ((0.8 * values[i] + Math.sin(0.7 * k + t) * (1 + k % 3)) * share);
        }
        terms.add(array.mul(scratch.create(grad, array.getShape())).sum());
      }
      collector.backward(NDArrays.add(terms.toArray(new NDArray[0])));
    }
  }

  float[] values() {
    List<Float> out = new ArrayList<>();
    for (Pair<String, Parameter> e : parameters) {
      for (float f : e.getValue().getArray().toFloatArray()) {
        out.add(f);
      }
    }
    float[] a = new float[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  void setValues(float[] flat) {
    int k = 0;
    for (Pair<String, Parameter> e : parameters) {
      FloatBuffer values = TensorMemory.shared(e.getValue().getArray()).asFloatBuffer();
      for (int i = 0; i < values.limit(); i++) {
        values.put(i, flat[k++]);
      }
    }
  }

  static void write(Path file, float[]... arrays) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
      out.writeInt(arrays.length);
      for (float[] a : arrays) {
        out.writeInt(a.length);
        for (float f : a) {
          out.writeFloat(f);
        }
      }
    }
  }

  static float[][] read(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(is)) {
      float[][] arrays = new float[in.readInt()][];
      for (int i = 0; i < arrays.length; i++) {
        arrays[i] = new float[in.readInt()];
        for (int j = 0; j < arrays[i].length; j++) {
          arrays[i][j] = in.readFloat();
        }
      }
      return arrays;
    }
  }
}
