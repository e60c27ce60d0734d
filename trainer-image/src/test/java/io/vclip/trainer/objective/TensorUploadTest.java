package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TensorUploadTest {
  @Test
  void earlierTensorsKeepTheirValuesWhenTheBufferIsReused() {
    TensorUpload upload = new TensorUpload();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray first = upload.copy(manager, new double[] {1, 2, 3, 4}, new Shape(2, 2), DataType.FLOAT64);
      NDArray second = upload.copy(manager, new double[] {9, 8}, new Shape(2), DataType.FLOAT32);
      NDArray third = upload.copy(manager, new double[] {5, 6, 7, 8, 9, 10}, new Shape(3, 2), DataType.FLOAT64);

      assertThat(first.toDoubleArray()).containsExactly(1, 2, 3, 4);
      assertThat(second.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(second.toFloatArray()).containsExactly(9f, 8f);
      assertThat(third.getShape()).isEqualTo(new Shape(3, 2));
      assertThat(third.toDoubleArray()).containsExactly(5, 6, 7, 8, 9, 10);
    }
  }
}
