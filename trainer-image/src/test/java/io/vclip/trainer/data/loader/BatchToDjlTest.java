package io.vclip.trainer.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch goes into DJL as a (B, T, 3, H, W) tensor that shares the loader's buffer, no copy. */
class BatchToDjlTest {
  @TempDir Path tmp;

  @Test
  void frameBytesWrapIntoAPyTorchTensorWithoutCopying() {
    var store = new FileSystemObjectStore(tmp);
    TestDataSets.writeShards(store, 2, 8, 6);
    try (VideoDataLoader loader = VideoDataLoader.open(store, new LoaderConfig(3, 2, 8, 8, 2, 0L, 1, 1), 0, 1,
            LoaderPosition.START);
         NDManager manager = NDManager.newBaseManager()) {
      Batch batch = loader.next();
      float[] expected = new float[3 * 2 * 3 * 8 * 8];
      batch.frames().get(expected);
      NDArray x = manager.create(batch.frameBytes(), new Shape(batch.shape()), DataType.FLOAT32);
      assertThat(x.getShape()).isEqualTo(new Shape(3, 2, 3, 8, 8));
      assertThat(x.toFloatArray()).containsExactly(expected);
      // Shared memory: the next batch refills the buffer, and the tensor sees it.
      Batch next = loader.next();
      float[] refilled = new float[expected.length];
      next.frames().get(refilled);
      assertThat(refilled).isNotEqualTo(expected);
      assertThat(x.toFloatArray()).containsExactly(refilled);
      FloatBuffer view = batch.frames();
      assertThat(view.capacity()).isEqualTo(expected.length);
    }
  }
}
