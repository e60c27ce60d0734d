package io.vclip.trainer.model.vision;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.model.layers.NamedParameters;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The patch matmul equals CLIP's conv1 (stride = kernel = p, no bias) written as loops. */
class PatchEmbeddingTest {
  @Test
  void equalsAStridedConvolutionWithTokensInRowMajorGridOrder() {
    int p = 4;
    int width = 5;
    int h = 8;
    int w = 12;
    try (NDManager m = NDManager.newBaseManager()) {
      PatchEmbedding conv = new PatchEmbedding(p, width);
      conv.initialize(m, DataType.FLOAT32);
      float[] k = NamedParameters.of(conv).get("weight").getArray().toFloatArray(); // (width, 3, p, p)
      NDArray image = m.randomNormal(new Shape(1, 3, h, w));
      float[] x = image.toFloatArray();
      float[] got = conv.apply(new ParameterStore(m, false), image, false).toFloatArray();
      int gh = h / p;
      int gw = w / p;
      assertThat(got).hasSize(gh * gw * width);
      for (int gy = 0; gy < gh; gy++) {
        for (int gx = 0; gx < gw; gx++) {
          for (int o = 0; o < width; o++) {
            double s = 0;
            for (int c = 0; c < 3; c++) {
              for (int dy = 0; dy < p; dy++) {
                for (int dx = 0; dx < p; dx++) {
                  s += k[((o * 3 + c) * p + dy) * p + dx] * x[(c * h + gy * p + dy) * w + gx * p + dx];
                }
              }
            }
            assertThat(got[(gy * gw + gx) * width + o]).isCloseTo((float) s, Offset.offset(1e-4f));
          }
        }
      }
    }
  }
}
