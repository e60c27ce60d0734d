package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real DJL block's parameters go through a checkpoint and come back into a fresh block. */
class DjlParametersTest {
  @TempDir Path tmp;

  static Block block(int hidden) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(LayerNorm.builder().build())
        .add(Linear.builder().setUnits(3).build());
  }

  @Test
  void parametersRoundTripThroughACheckpoint() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block trained = block(8);
      trained.setInitializer(new NormalInitializer(0.5f), p -> true);
      trained.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
      Block fresh = block(8);
      fresh.setInitializer(new ConstantInitializer(0f), p -> true);
      fresh.initialize(manager, DataType.FLOAT32, new Shape(2, 5));

      CheckpointStore store = new CheckpointStore(new FileSystemObjectStore(tmp.resolve("store")), "djl", 1);
      Map<String, FloatTensor> params = DjlParameters.of(trained);
      assertThat(params).hasSize(trained.getParameters().size());
      CheckpointState state = new CheckpointState(params, OptimizerSlice.adamW(0, 0, new float[0], new float[0]), null, null, null);
      Manifest m = store.write(1, 0, 1, state, TrainingProgress.UNKNOWN, Barrier.NONE, tmp.resolve("snap")).orElseThrow();

      DjlParameters.load(fresh, store.restore(m, 0, 1).model());
      for (var p : trained.getParameters()) {
        float[] want = p.getValue().getArray().toFloatArray();
        float[] got = fresh.getParameters().get(p.getKey()).getArray().toFloatArray();
        assertThat(got).as(p.getKey()).containsExactly(want);
      }
      assertThat(trained.getParameters().valueAt(0).getArray().toFloatArray()).isNotEqualTo(new float[40]);

      Block wider = block(9);
      wider.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
      assertThatThrownBy(() -> DjlParameters.load(wider, params)).isInstanceOf(CheckpointException.class)
          .hasMessageContaining("has shape [9, 5] in the model but [8, 5] in the checkpoint");
      params.remove(params.keySet().iterator().next());
      assertThatThrownBy(() -> DjlParameters.load(fresh, params)).hasMessageContaining("missing [");
    }
  }
}
