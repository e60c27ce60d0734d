package io.vclip.trainer.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DropPathTest {
  @Test
  void inTrainingWholeSamplesAreDroppedAndTheRestRescaled() {
    Engine.getInstance().setRandomSeed(21);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.ones(new Shape(200, 3, 4));
      float[] out = DropPath.apply(x, 0.25f, true).toFloatArray();
      int dropped = 0;
      for (int s = 0; s < 200; s++) {
        float first = out[s * 12];
        for (int j = 1; j < 12; j++) {
          assertThat(out[s * 12 + j]).isEqualTo(first); // one draw per sample
        }
        assertThat(first).isIn(0f, 1f / 0.75f);
        dropped += first == 0f ? 1 : 0;
      }
      assertThat(dropped).isBetween(20, 80);
      assertThat(DropPath.apply(x, 0.25f, false)).isSameAs(x);
      assertThat(DropPath.apply(x, 0f, true)).isSameAs(x);
    }
  }
}
