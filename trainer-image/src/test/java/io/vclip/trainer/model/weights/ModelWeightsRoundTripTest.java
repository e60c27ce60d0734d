package io.vclip.trainer.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.VideoClipModel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelWeightsRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyParameterSurvivesSafetensorsBitForBit() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      VideoClipModel saved = new VideoClipModel(ModelPresets.tiny(4, 96)).initialize(m);
      Path file = dir.resolve("tiny.safetensors");
      ModelWeights.save(saved, file);

      Engine.getInstance().setRandomSeed(2);
      VideoClipModel loaded = new VideoClipModel(ModelPresets.tiny(4, 96)).initialize(m);
      ImportReport report = ModelWeights.load(loaded, file, m);

      Map<String, Parameter> a = saved.namedParameters();
      Map<String, Parameter> b = loaded.namedParameters();
      assertThat(report.loaded()).containsExactlyElementsOf(a.keySet());
      for (String name : a.keySet()) {
        assertThat(b.get(name).getArray().toByteArray())
            .as(name)
            .isEqualTo(a.get(name).getArray().toByteArray());
      }
      // Loading writes into the existing arrays: they stay trainable (or frozen) as declared.
      Parameter proj = b.get("text.text_projection");
      assertThat(proj.getArray().hasGradient()).isTrue();
      assertThat(b.get("text.positional_embedding.kept").getArray().hasGradient()).isFalse();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = loaded.encodeText(m.ones(new Shape(1, 248), ai.djl.ndarray.types.DataType.INT64), m.create(new long[] {3}));
        gc.backward(out.sum());
      }
      try (NDArray g = proj.getArray().getGradient()) {
        assertThat(g.abs().sum().getFloat()).isGreaterThan(0f);
      }
    }
  }

  @Test
  void aFileForAnotherArchitectureIsRefusedNamingTheTensors() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel tinyFour = new VideoClipModel(ModelPresets.tiny(4, 96)).initialize(m);
      Path file = dir.resolve("four.safetensors");
      ModelWeights.save(tinyFour, file);
      VideoClipModel otherVocab = new VideoClipModel(ModelPresets.tiny(4, 80)).initialize(m);
      assertThatThrownBy(() -> ModelWeights.load(otherVocab, file, m))
          .isInstanceOf(VclipUserException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("text.token_embedding.weight -> text.token_embedding.weight: found (96, 64), expected (80, 64)");
    }
  }
}
