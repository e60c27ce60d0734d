package io.vclip.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The PyTorch engine must load from the Maven-provided natives with DJL_OFFLINE set. */
class OfflineEngineTest {
  @Test
  void pytorchEngineLoadsOfflineAndComputes() {
    assertThat(System.getenv("DJL_OFFLINE")).isEqualTo("true");
    assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3});
      assertThat(a.mul(a).sum().getFloat()).isEqualTo(14f);
    }
  }
}
