package io.vclip.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.vclip.crds.v1alpha1.OptimizationSpec;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.loader.Batch;
import io.vclip.trainer.data.loader.LoaderConfig;
import io.vclip.trainer.data.loader.LoaderPosition;
import io.vclip.trainer.data.loader.VideoDataLoader;
import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.data.shard.ShardWriter;
import io.vclip.trainer.data.synthetic.SyntheticTokenizerFile;
import io.vclip.trainer.data.synthetic.SyntheticWorld;
import io.vclip.trainer.data.synthetic.WorldConfig;
import io.vclip.trainer.distributed.SingleProcessCollectives;
import io.vclip.trainer.distributed.optim.ShardedAdamW;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.StepScope;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.objective.ObjectiveConfig;
import io.vclip.trainer.objective.ObjectiveResult;
import io.vclip.trainer.objective.VideoClipObjective;
import io.vclip.trainer.storage.FileSystemObjectStore;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's learning check: the tiny model with the full objective (contrastive + TPCM + DDR + HDR,
 * X-CLIP parts all on) overfits one fixed batch of 16 synthetic samples — every part falls and the
 * total ends under 10% of where it started. The batch goes through the real shard writer and loader,
 * the update through the sharded AdamW, so the whole training path is exercised.
 */
class OverfitFixedBatchTest {
  static final int BATCH = 16;
  static final int FRAMES = 8;
  static final int STEPS = 150;

  @TempDir Path tmp;

  @Test
  void tinyModelOverfitsAFixedBatchWithTheFullObjective() throws Exception {
    ObjectStore data = new FileSystemObjectStore(tmp.resolve("data"));
    SyntheticWorld world = new SyntheticWorld(new WorldConfig(11, FRAMES, 32, 3, 4));
    try (ShardWriter w = ShardWriter.startNew(data, new ShardWriter.Options(1 << 22, FrameFormat.png(), FRAMES))) {
      for (int i = 0; i < BATCH; i++) w.write(world.sample(i));
    }
    Path tokenizerFile = tmp.resolve("tokenizer.json");
    SyntheticTokenizerFile.writeWorldTokenizer(tokenizerFile);

    try (NDManager m = NDManager.newBaseManager();
        VideoDataLoader loader = VideoDataLoader.open(data, new LoaderConfig(BATCH, FRAMES, 32, 32, 1, 0, 1, 1), 0, 1,
            LoaderPosition.START);
        ClipTokenizer tokenizer = ClipTokenizer.load(tokenizerFile, 248);
        SingleProcessCollectives single = new SingleProcessCollectives()) {
      Batch batch = loader.next();
      // The loader refills its buffer on the next call: keep a copy of this one batch.
      ByteBuffer frames = ByteBuffer.allocateDirect(batch.frameBytes().capacity()).order(ByteOrder.nativeOrder());
      frames.put(batch.frameBytes().duplicate().rewind()).rewind();
      NDArray video = m.create(frames, new Shape(batch.shape()), DataType.FLOAT32);

      Engine.getInstance().setRandomSeed(5);
      VideoClipModel model = new VideoClipModel(ModelPresets.tiny(FRAMES, TokenizerFiles.vocabularySize(tokenizerFile)))
          .initialize(m);
      ObjectiveConfig full = new ObjectiveConfig(new ObjectiveConfig.Contrastive(1.0),
          new ObjectiveConfig.Tpcm(true, 1.0, ObjectiveConfig.PceMode.ADAPTIVE, 32),
          new ObjectiveConfig.Ranking(true, 1.0, 0.05, 3), new ObjectiveConfig.Ranking(true, 1.0, 0.05, 3));
      VideoClipObjective objective = VideoClipObjective.local(full);
      OptimizationSpec opt = new OptimizationSpec();
      opt.setLearningRate(1e-3);
      opt.setWarmupSteps(10);
      opt.setMaxSteps(STEPS * 4); // a flat stretch of the cosine: this test is about fitting, not the schedule
      opt.setWeightDecay(0);
      ShardedAdamW optimizer = OptimizerSetup.create(model, opt, single);
      CaptionTokens tokens = CaptionTokens.of(batch.captions(), 4, 4, tokenizer, new RankingSynthesizer(), 0, m);
      ParameterStore ps = new ParameterStore(m, false);

      Map<String, Double> first = null;
      Map<String, Double> last = null;
      for (int step = 0; step < STEPS; step++) {
        try (NDManager scope = StepScope.open(m, model, video, tokens.ids(), tokens.eot());
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ObjectiveResult r = objective.compute(FeatureForward.forward(model, ps, video, tokens, true));
          last = r.values();
          if (first == null) first = last;
          scope.tempAttachAll(r.total());
          gc.backward(r.total());
        }
        optimizer.step();
      }
      System.out.printf("overfit %d steps: first %s%n                 last  %s%n", STEPS, first, last);
      for (String part : List.of("contrastive", "tpcm", "ddr", "hdr")) {
        assertThat(last.get(part)).as(part + " falls").isLessThan(first.get(part));
      }
      assertThat(last.get(ObjectiveResult.TOTAL)).as("final total < 10% of the first")
          .isLessThan(0.1 * first.get(ObjectiveResult.TOTAL));
    }
  }
}
