package io.vclip.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.vclip.trainer.model.vision.FrameEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoClipModelTest {
  private static final int B = 8;
  private static final int T = 8;

  @Test
  void oneBackwardReachesEveryTrainableParameterAndNoFrozenOne() {
    Engine.getInstance().setRandomSeed(7);
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(T, 64)).initialize(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray frames = m.randomNormal(new Shape(B, T, 3, 32, 32));
      NDArray ids = m.randomInteger(3, 64, new Shape(B, 248), DataType.INT64);
      // Eot beyond position 20 in some rows, so the trainable stretched positions are used.
      NDArray eot = m.create(new long[] {5, 30, 100, 247, 12, 60, 21, 200});
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        VideoFeatures v = model.encodeVideo(ps, frames, true);
        NDArray text = model.encodeText(ps, ids, eot, true);
        NDArray pairwise = model.promptPairwise(ps, text, v, true); // (Nt, Bv, D)
        NDArray tn = pairwise.div(pairwise.norm(new int[] {-1}, true));
        NDArray vn = v.video().div(v.video().norm(new int[] {-1}, true));
        NDArray logits = tn.mul(vn.expandDims(0)).sum(new int[] {-1}).mul(model.logitScale(ps, frames, true).exp());
        NDArray target = m.eye(B);
        NDArray loss = logits.logSoftmax(1).mul(target).sum().neg();
        gc.backward(loss);
      }
      List<String> noGradient = new ArrayList<>();
      int trainable = 0;
      for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
        NDArray array = e.getValue().getArray();
        if (!e.getValue().requiresGradient()) {
          assertThat(array.hasGradient()).as(e.getKey()).isFalse();
          continue;
        }
        trainable++;
        try (NDArray g = array.getGradient()) {
          if (g.abs().sum().getFloat() == 0f || !Float.isFinite(g.sum().getFloat())) {
            noGradient.add(e.getKey());
          }
        }
      }
      assertThat(trainable).isGreaterThan(80);
      assertThat(noGradient).isEmpty();
      assertThat(model.namedParameters().get("text.positional_embedding.kept").requiresGradient()).isFalse();
    }
  }

  @Test
  void withAllXClipPartsOffTheVideoFeatureIsTheMeanOfPerFrameClipImageFeatures() {
    Engine.getInstance().setRandomSeed(11);
    try (NDManager m = NDManager.newBaseManager()) {
      ModelConfig config = ModelPresets.tiny(4, 64).withXClip(XClipConfig.off(4));
      VideoClipModel model = new VideoClipModel(config).initialize(m);
      NDArray frames = m.randomNormal(new Shape(2, 4, 3, 32, 32));
      NDArray video = model.encodeVideo(frames).video();

      // The same vision tower run as a CLIP image encoder, one frame at a time.
      var vision = (io.vclip.trainer.model.vision.VisionTransformer) model.namedChildren().get("vision");
      ParameterStore ps = new ParameterStore(m, false);
      for (int b = 0; b < 2; b++) {
        NDArray sum = m.zeros(new Shape(config.embedDim()));
        for (int t = 0; t < 4; t++) {
          NDArray image = frames.get(new NDIndex("{}, {}", b, t)).expandDims(0);
          FrameEncoding e = vision.encode(ps, image, 1, false);
          sum = sum.add(e.features().squeeze(0));
        }
        NDArray expected = sum.div(4f);
        assertThat(video.get(b).sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
      }
      assertThat(model.namedParameters().keySet()).noneMatch(ParameterGroups::isXClipAddition);
    }
  }

  @Test
  void crossFrameAttentionMakesFramesInteract() {
    Engine.getInstance().setRandomSeed(13);
    try (NDManager m = NDManager.newBaseManager()) {
      ModelConfig config = ModelPresets.tiny(4, 64).withXClip(XClipConfig.off(4).withParts(true, false, false));
      VideoClipModel model = new VideoClipModel(config).initialize(m);
      NDArray frames = m.randomNormal(new Shape(1, 4, 3, 32, 32));
      NDArray changed = frames.duplicate();
      changed.set(new NDIndex("0, 3"), 0f);
      var vision = (io.vclip.trainer.model.vision.VisionTransformer) model.namedChildren().get("vision");
      ParameterStore ps = new ParameterStore(m, false);
      // Frame 0's own feature moves when only frame 3 changes: the message tokens carry it across.
      NDArray f0 = vision.encode(ps, frames.reshape(4, 3, 32, 32), 4, false).features().get(0);
      NDArray g0 = vision.encode(ps, changed.reshape(4, 3, 32, 32), 4, false).features().get(0);
      assertThat(f0.sub(g0).abs().max().getFloat()).isGreaterThan(1e-6f);
    }
  }

  @Test
  void messagesStayInsideTheirClip() {
    Engine.getInstance().setRandomSeed(19);
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(4, 64)).initialize(m);
      NDArray frames = m.randomNormal(new Shape(3, 4, 3, 32, 32));
      VideoFeatures before = model.encodeVideo(frames);
      NDArray changed = frames.duplicate();
      changed.set(new NDIndex("1"), 0f); // every frame of clip 1
      VideoFeatures after = model.encodeVideo(changed);
      for (int clip : new int[] {0, 2}) {
        assertThat(after.video().get(clip).sub(before.video().get(clip)).abs().max().getFloat()).isLessThan(1e-6f);
        assertThat(after.promptTokens().get(clip).sub(before.promptTokens().get(clip)).abs().max().getFloat()).isLessThan(1e-6f);
      }
      assertThat(after.video().get(1).sub(before.video().get(1)).abs().max().getFloat()).isGreaterThan(1e-6f);
    }
  }

  @Test
  void pairwisePromptsAgreeWithPairedPromptsOnTheDiagonal() {
    Engine.getInstance().setRandomSeed(17);
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(2, 64)).initialize(m);
      VideoFeatures v = model.encodeVideo(m.randomNormal(new Shape(3, 2, 3, 32, 32)));
      NDArray text = m.randomNormal(new Shape(3, 64));
      NDArray pairwise = model.promptPairwise(text, v);
      assertThat(pairwise.getShape()).isEqualTo(new Shape(3, 3, 64));
      NDArray paired = model.promptPaired(text.expandDims(1), v); // (B, 1, D)
      for (int i = 0; i < 3; i++) {
        NDArray diff = pairwise.get(i, i).sub(paired.get(i, 0));
        assertThat(diff.abs().max().getFloat()).isLessThan(1e-5f);
      }
      // Prompts depend on the video: text 0 under video 0 differs from text 0 under video 1.
      assertThat(pairwise.get(0, 0).sub(pairwise.get(0, 1)).abs().max().getFloat()).isGreaterThan(1e-6f);
      // And they do add something to the plain text.
      assertThat(pairwise.get(0, 0).sub(text.get(0)).abs().max().getFloat()).isGreaterThan(1e-6f);
    }
  }

  @Test
  void withPromptsOffTextFeaturesPassThrough() {
    try (NDManager m = NDManager.newBaseManager()) {
      ModelConfig config = ModelPresets.tiny(2, 64).withXClip(XClipConfig.full(2).withParts(true, true, false));
      VideoClipModel model = new VideoClipModel(config).initialize(m);
      VideoFeatures v = model.encodeVideo(m.randomNormal(new Shape(3, 2, 3, 32, 32)));
      assertThat(v.promptTokens()).isNull();
      NDArray text = m.randomNormal(new Shape(5, 64));
      NDArray pairwise = model.promptPairwise(text, v);
      assertThat(pairwise.getShape()).isEqualTo(new Shape(5, 3, 64));
      assertThat(pairwise.get(4, 2).sub(text.get(4)).abs().max().getFloat()).isEqualTo(0f);
      NDArray paired = m.randomNormal(new Shape(3, 4, 64));
      assertThat(model.promptPaired(paired, v)).isSameAs(paired);
    }
  }

  @Test
  void djlBlockForwardGivesVideoAndTextFeaturesOfTheDeclaredShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(2, 64)).initialize(m);
      NDArray frames = m.randomNormal(new Shape(3, 2, 3, 32, 32));
      NDArray ids = m.randomInteger(3, 64, new Shape(5, 248), DataType.INT64);
      NDArray eot = m.create(new long[] {1, 2, 3, 4, 5});
      ai.djl.ndarray.NDList out = model.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(frames, ids, eot), false);
      Shape[] declared = model.getOutputShapes(new Shape[] {frames.getShape(), ids.getShape(), eot.getShape()});
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, 64)).isEqualTo(declared[0]);
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(5, 64)).isEqualTo(declared[1]);
      assertThat(out.get(0).sub(model.encodeVideo(frames).video()).abs().max().getFloat()).isEqualTo(0f);
    }
  }

  @Test
  void logitScaleStartsAtLogOneOverPointZeroSeven() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(2, 64)).initialize(m);
      assertThat((double) model.logitScale().getFloat()).isCloseTo(Math.log(1 / 0.07), org.assertj.core.data.Offset.offset(1e-6));
    }
  }
}
