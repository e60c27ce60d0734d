package io.vclip.trainer.model.xclip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.model.layers.NamedParameters;
import org.junit.jupiter.api.Test;

class VideoSpecificPromptGeneratorTest {
  @Test
  void alphaScalesThePromptPerDimensionAndStartsAtOneTenth() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoSpecificPromptGenerator g = new VideoSpecificPromptGenerator(32, 16, 2, 1);
      g.initialize(m, DataType.FLOAT32);
      Parameter alpha = NamedParameters.of(g).get("alpha");
      assertThat(alpha.getArray().toFloatArray()).containsOnly(0.1f);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray text = m.randomNormal(new Shape(2, 3, 16));
      NDArray visual = m.randomNormal(new Shape(2, 5, 16));

      NDArray atTenth = g.prompt(ps, text, visual, false);
      float[] scale = new float[16];
      scale[4] = 1f; // only dimension 4 kept, at weight 1
      alpha.getArray().set(scale);
      NDArray onlyDim4 = g.prompt(ps, text, visual, false);
      float[] a = atTenth.toFloatArray();
      float[] b = onlyDim4.toFloatArray();
      for (int i = 0; i < a.length; i++) {
        float expected = i % 16 == 4 ? a[i] * 10f : 0f;
        assertThat(b[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4f));
      }
      assertThat(atTenth.abs().max().getFloat()).isGreaterThan(0f);
    }
  }

  @Test
  void visualTokensAreProjectedPatchTokensAveragedOverTheClipsFrames() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoSpecificPromptGenerator g = new VideoSpecificPromptGenerator(32, 16, 1, 1);
      g.initialize(m, DataType.FLOAT32);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray patches = m.randomNormal(new Shape(2 * 3, 5, 32)); // 2 clips × 3 frames
      NDArray tokens = g.visualTokens(ps, patches, 3, false);
      assertThat(tokens.getShape()).isEqualTo(new Shape(2, 5, 16));
      // Clip 1 = frames 3, 4, 5: the mean of each frame's own projection.
      NDArray sum = m.zeros(new Shape(5, 16));
      for (int f = 3; f < 6; f++) {
        sum = sum.add(g.visualTokens(ps, patches.get(f).expandDims(0), 1, false).squeeze(0));
      }
      assertThat(tokens.get(1).sub(sum.div(3f)).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }
}
