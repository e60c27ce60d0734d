package io.vclip.trainer.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.ParameterGroups;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VideoFeatures;
import io.vclip.trainer.model.text.PositionStretchTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI-named checkpoints: X-CLIP releases and Long-CLIP, written from a model's tensors by hand. */
class ReleasedCheckpointImportTest {
  private static final int T = 2;
  private static final ModelConfig FULL = ModelPresets.tiny(T, 50);

  @TempDir Path dir;

  /** Our name → the reference code's name, written out independently of the main mapping tables. */
  private static final List<String[]> OPENAI_PREFIXES =
      List.of(
          new String[] {"vision.blocks.", "visual.transformer.resblocks."},
          new String[] {"vision.", "visual."},
          new String[] {"text.blocks.", "transformer.resblocks."},
          new String[] {"text.", ""},
          new String[] {"mit.blocks.", "mit.resblocks."},
          new String[] {"prompts.visual_", "prompts_visual_"},
          new String[] {"prompts.layers.", "prompts_generator.decoder."},
          new String[] {"prompts.", "prompts_generator."});

  static String referenceName(String ours) {
    String n = ours.replace(".mlp.c_fc.", ours.startsWith("prompts.") ? ".mlp.0." : ".mlp.c_fc.");
    n = n.replace(".mlp.c_proj.", ours.startsWith("prompts.") ? ".mlp.3." : ".mlp.c_proj.");
    for (String[] p : OPENAI_PREFIXES) {
      if (n.startsWith(p[0])) {
        return p[1] + n.substring(p[0].length());
      }
    }
    return n;
  }

  @Test
  void xclipReleaseImportsEveryPartAndComputesTheSame() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      VideoClipModel byHand = new VideoClipModel(FULL).initialize(m);
      Map<String, NDArray> file = new LinkedHashMap<>();
      NDArray pe77 = m.randomNormal(0, 0.01f, new Shape(77, 64), DataType.FLOAT32);
      float[][] stretched = PositionStretchTest.stretchByFormula(pe77);
      for (Map.Entry<String, Parameter> e : byHand.namedParameters().entrySet()) {
        String ours = e.getKey();
        NDArray value = e.getValue().getArray();
        if (ours.equals("text.positional_embedding.kept")) {
          value.set(rows(stretched, 0, 20));
          file.put("positional_embedding", pe77);
        } else if (ours.equals("text.positional_embedding.stretched")) {
          value.set(rows(stretched, 20, 248));
        } else if (ours.equals("mit.positional_embedding")) {
          file.put("mit.positional_embedding", value.duplicate().reshape(1, T, 64)); // X-CLIP keeps (1, T, D)
        } else {
          file.put(referenceName(ours), value.duplicate());
        }
      }
      assertThat(file).containsKeys(
          "visual.transformer.resblocks.1.message_attn.in_proj_weight",
          "prompts_generator.decoder.1.mlp.3.bias",
          "prompts_visual_proj",
          "mit.resblocks.0.ln_1.weight");
      Path path = dir.resolve("xclip.safetensors");
      SafetensorsFile.write(path, file);

      Engine.getInstance().setRandomSeed(6);
      VideoClipModel imported = new VideoClipModel(FULL).initialize(m);
      ImportReport report = ModelWeights.importFile(imported, path, new XClipFormat(), m);
      assertThat(report.isComplete()).as(report.render()).isTrue();
      assertThat(report.unexpected()).isEmpty();
      assertThat(report.notInFormat()).isEmpty();

      NDArray frames = m.randomNormal(new Shape(2, T, 3, 32, 32));
      VideoFeatures a = byHand.encodeVideo(frames);
      VideoFeatures b = imported.encodeVideo(frames);
      assertThat(a.video().sub(b.video()).abs().max().getFloat()).isLessThan(1e-6f);
      NDArray ids = m.randomInteger(3, 50, new Shape(2, 248), DataType.INT64);
      NDArray eot = m.create(new long[] {9, 150});
      NDArray pa = byHand.promptPairwise(byHand.encodeText(ids, eot), a);
      NDArray pb = imported.promptPairwise(imported.encodeText(ids, eot), b);
      assertThat(pa.sub(pb).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void longClipPositionsComeFromBothTensorsItMasks() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel source = new VideoClipModel(FULL).initialize(m);
      Map<String, NDArray> file = new LinkedHashMap<>();
      for (Map.Entry<String, Parameter> e : source.namedParameters().entrySet()) {
        if (!ParameterGroups.isXClipAddition(e.getKey()) && !e.getKey().startsWith("text.positional_embedding")) {
          file.put(referenceName(e.getKey()), e.getValue().getArray().duplicate());
        }
      }
      NDArray pe = m.randomNormal(new Shape(248, 64));
      NDArray res = m.randomNormal(new Shape(248, 64));
      file.put("positional_embedding", pe);
      file.put("positional_embedding_res", res);
      file.put("context_length", m.create(248L)); // metadata OpenAI-style archives carry; not a parameter
      Path path = dir.resolve("longclip.safetensors");
      SafetensorsFile.write(path, file);

      VideoClipModel imported = new VideoClipModel(FULL).initialize(m);
      ImportReport report = ModelWeights.importFile(imported, path, new LongClipFormat(), m);
      assertThat(report.isComplete()).as(report.render()).isTrue();
      assertThat(report.unexpected()).isEmpty();
      Map<String, Parameter> p = imported.namedParameters();
      assertThat(p.get("text.positional_embedding.kept").getArray().toFloatArray())
          .containsExactly(pe.get(new NDIndex("0:20")).toFloatArray());
      assertThat(p.get("text.positional_embedding.stretched").getArray().toFloatArray())
          .containsExactly(res.get(new NDIndex("20:248")).toFloatArray());
      // Starting an X-CLIP model from Long-CLIP leaves exactly the X-CLIP additions at their init.
      assertThat(report.notInFormat()).isNotEmpty().allMatch(ParameterGroups::isXClipAddition);
    }
  }

  @Test
  void everyTableCoversItsPartOfTheModelOnceWithDistinctSources() {
    Set<String> all = new VideoClipModel(FULL).namedParameters().keySet();
    Set<String> towers = new HashSet<>();
    all.stream().filter(n -> !ParameterGroups.isXClipAddition(n)).forEach(towers::add);
    for (CheckpointFormat f : List.of(new OpenAiClipFormat(), new LongClipFormat(), new HfClipFormat())) {
      assertCovers(f, towers);
    }
    assertCovers(new XClipFormat(), all);
    assertCovers(new VclipFormat(), all);
  }

  private static void assertCovers(CheckpointFormat f, Set<String> expected) {
    List<TensorRule> rules = f.rules(FULL);
    assertThat(rules.stream().map(TensorRule::target)).as(f.id()).doesNotHaveDuplicates();
    assertThat(rules.stream().map(TensorRule::target).toList()).as(f.id()).containsExactlyInAnyOrderElementsOf(expected);
    List<String> sources =
        rules.stream()
            .filter(r -> !r.target().startsWith("text.positional_embedding"))
            .flatMap(r -> r.sources().stream())
            .toList();
    assertThat(sources).as(f.id()).doesNotHaveDuplicates();
  }

  private static float[] rows(float[][] table, int from, int to) {
    int w = table[0].length;
    float[] flat = new float[(to - from) * w];
    for (int r = from; r < to; r++) {
      System.arraycopy(table[r], 0, flat, (r - from) * w, w);
    }
    return flat;
  }
}
