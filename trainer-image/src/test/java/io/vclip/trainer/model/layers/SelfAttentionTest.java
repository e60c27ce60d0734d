package io.vclip.trainer.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The composed attention against PyTorch {@code nn.MultiheadAttention}'s definition written out with
 * loops: q|k|v = rows of in_proj, head h owns dims [h·d, (h+1)·d), softmax(q·k/√d)·v, out_proj.
 */
class SelfAttentionTest {
  private static final int W = 8;
  private static final int HEADS = 2;
  private static final int L = 4;

  @Test
  void matchesTheMultiheadAttentionDefinitionWithAndWithoutCausalMask() {
    Engine.getInstance().setRandomSeed(31);
    try (NDManager m = NDManager.newBaseManager()) {
      SelfAttention attn = new SelfAttention(W, HEADS, 0.5f, 0.5f);
      attn.initialize(m, DataType.FLOAT32);
      Map<String, Parameter> p = NamedParameters.of(attn);
      for (String bias : new String[] {"in_proj_bias", "out_proj.bias"}) {
        NDArray a = p.get(bias).getArray();
        a.set(m.randomNormal(a.getShape()).toFloatArray());
      }
      NDArray x = m.randomNormal(new Shape(1, L, W));
      ParameterStore ps = new ParameterStore(m, false);

      float[] got = attn.apply(ps, x, null, false).toFloatArray();
      float[] want = reference(x.toFloatArray(), p, false);
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).as("element %d", i).isCloseTo(want[i], Offset.offset(1e-4f));
      }

      NDArray mask = m.create(causal(), new Shape(L, L));
      float[] gotMasked = attn.apply(ps, x, mask, false).toFloatArray();
      float[] wantMasked = reference(x.toFloatArray(), p, true);
      for (int i = 0; i < gotMasked.length; i++) {
        assertThat(gotMasked[i]).as("masked element %d", i).isCloseTo(wantMasked[i], Offset.offset(1e-4f));
      }
    }
  }

  private static float[] causal() {
    float[] mask = new float[L * L];
    for (int i = 0; i < L; i++) {
      for (int j = i + 1; j < L; j++) {
        mask[i * L + j] = Float.NEGATIVE_INFINITY;
      }
    }
    return mask;
  }

  private static float[] reference(float[] x, Map<String, Parameter> p, boolean causal) {
    float[] inW = p.get("in_proj_weight").getArray().toFloatArray(); // (3W, W)
    float[] inB = p.get("in_proj_bias").getArray().toFloatArray();
    float[] outW = p.get("out_proj.weight").getArray().toFloatArray(); // (W, W)
    float[] outB = p.get("out_proj.bias").getArray().toFloatArray();
    double[][] qkv = new double[L][3 * W];
    for (int t = 0; t < L; t++) {
      for (int r = 0; r < 3 * W; r++) {
        double s = inB[r];
        for (int c = 0; c < W; c++) {
          s += inW[r * W + c] * x[t * W + c];
        }
        qkv[t][r] = s;
      }
    }
    int d = W / HEADS;
    double[][] heads = new double[L][W];
    for (int h = 0; h < HEADS; h++) {
      for (int i = 0; i < L; i++) {
        double[] score = new double[L];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < L; j++) {
          double s = 0;
          for (int e = 0; e < d; e++) {
            s += qkv[i][h * d + e] * qkv[j][W + h * d + e];
          }
          score[j] = causal && j > i ? Double.NEGATIVE_INFINITY : s / Math.sqrt(d);
          max = Math.max(max, score[j]);
        }
        double z = 0;
        for (int j = 0; j < L; j++) {
          score[j] = Math.exp(score[j] - max);
          z += score[j];
        }
        for (int e = 0; e < d; e++) {
          double v = 0;
          for (int j = 0; j < L; j++) {
            v += score[j] / z * qkv[j][2 * W + h * d + e];
          }
          heads[i][h * d + e] = v;
        }
      }
    }
    float[] out = new float[L * W];
    for (int t = 0; t < L; t++) {
      for (int r = 0; r < W; r++) {
        double s = outB[r];
        for (int c = 0; c < W; c++) {
          s += outW[r * W + c] * heads[t][c];
        }
        out[t * W + r] = (float) s;
      }
    }
    return out;
  }
}
