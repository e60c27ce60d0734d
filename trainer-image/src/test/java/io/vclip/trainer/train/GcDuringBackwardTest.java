package io.vclip.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.objective.ObjectiveConfig;
import io.vclip.trainer.objective.VideoClipObjective;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A full training step's gradients (model + every objective term) do not depend on when the JVM
 * collects garbage. DJL's {@code NDArray.mul(Number)} and friends leave autograd holding tensors
 * over JVM buffers that a GC may free before the backward pass (model.NativeScalar); this test
 * collects continuously from a second thread while it differentiates, and must get exactly the
 * gradients of a quiet run.
 */
class GcDuringBackwardTest {
  static final int B = 4;
  static final int RANKING_TEXTS = 4;

  @Test
  void gradientsAreTheSameWhileTheCollectorRuns() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(7);
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(4, 512)).initialize(manager);
      NDArray frames = manager.randomUniform(-1, 1, new Shape(B, 4, 3, 32, 32));
      int texts = 2 * B + 2 * B * RANKING_TEXTS;
      NDArray ids = manager.randomInteger(1, 500, new Shape(texts, 248), DataType.INT64);
      NDArray eot = manager.randomInteger(3, 40, new Shape(texts), DataType.INT64);
      CaptionTokens tokens = new CaptionTokens(ids, eot, B, RANKING_TEXTS, RANKING_TEXTS);
      VideoClipObjective objective = VideoClipObjective.local(ObjectiveConfig.defaults());

      Map<String, float[]> quiet = gradients(model, manager, frames, tokens, objective);
      Thread collector = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          System.gc();
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      collector.setDaemon(true);
      collector.start();
      try {
        for (int attempt = 0; attempt < 2; attempt++) {
          Map<String, float[]> underGc = gradients(model, manager, frames, tokens, objective);
          for (String name : quiet.keySet()) {
            assertThat(underGc.get(name)).as("gradient of %s, attempt %d", name, attempt).containsExactly(quiet.get(name));
          }
        }
      } finally {
        collector.interrupt();
      }
    }
  }

  private static Map<String, float[]> gradients(VideoClipModel model, NDManager manager, NDArray frames,
      CaptionTokens tokens, VideoClipObjective objective) {
    ParameterStore ps = new ParameterStore(manager, false);
    try (NDManager scope = StepScope.open(manager, model, frames, tokens.ids(), tokens.eot())) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = objective.compute(FeatureForward.forward(model, ps, frames, tokens, true)).total();
        scope.tempAttachAll(loss);
        gc.backward(loss);
      }
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    for (var entry : model.getParameters()) {
      NDArray array = entry.getValue().getArray();
      if (!array.hasGradient()) continue;
      try (NDArray g = array.getGradient()) {
        out.put(entry.getKey(), g.toType(DataType.FLOAT32, false).toFloatArray());
        g.muli(0); // GradientCollector accumulates; the next run starts from zero
      }
    }
    return out;
  }
}
