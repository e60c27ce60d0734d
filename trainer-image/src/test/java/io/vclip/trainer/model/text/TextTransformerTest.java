package io.vclip.trainer.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.VideoClipModel;
import org.junit.jupiter.api.Test;

class TextTransformerTest {
  @Test
  void tokensAfterTheEndOfTextCannotChangeTheFeature() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(2, 40)).initialize(m);
      NDArray ids = m.randomInteger(3, 40, new Shape(2, 248), DataType.INT64);
      NDArray eot = m.create(new long[] {10, 30});
      NDArray before = model.encodeText(ids, eot);
      NDArray changed = ids.duplicate();
      changed.set(new NDIndex("0, 11:"), 7);
      changed.set(new NDIndex("1, 31:"), 9);
      assertThat(model.encodeText(changed, eot).sub(before).abs().max().getFloat()).isLessThan(1e-6f);
      // A token before the end-of-text does change it.
      changed.set(new NDIndex("0, 5"), 8);
      assertThat(model.encodeText(changed, eot).get(0).sub(before.get(0)).abs().max().getFloat()).isGreaterThan(1e-6f);
    }
  }
}
