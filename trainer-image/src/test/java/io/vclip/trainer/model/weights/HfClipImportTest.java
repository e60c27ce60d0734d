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
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VideoFeatures;
import io.vclip.trainer.model.XClipConfig;
import io.vclip.trainer.model.text.PositionStretchTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file in Hugging Face {@code CLIPModel} layout, written from random tensors, imports into a model
 * that then computes exactly what a model with the same tensors placed by hand computes.
 */
public class HfClipImportTest {
  private static final int W = 64;
  private static final ModelConfig CLIP_ONLY = ModelPresets.tiny(2, 50).withXClip(XClipConfig.off(2));

  @TempDir Path dir;

  @Test
  void importedModelComputesWhatTheHandPlacedModelComputes() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      VideoClipModel byHand = new VideoClipModel(CLIP_ONLY).initialize(m);
      Map<String, NDArray> hf = hfLayoutOf(byHand, m);
      Path file = dir.resolve("model.safetensors");
      SafetensorsFile.write(file, hf);

      Engine.getInstance().setRandomSeed(4);
      VideoClipModel imported = new VideoClipModel(CLIP_ONLY).initialize(m);
      ImportReport report = ModelWeights.importFile(imported, file, new HfClipFormat(), m);
      assertThat(report.isComplete()).as(report.render()).isTrue();
      assertThat(report.unexpected()).isEmpty();
      assertThat(report.notInFormat()).isEmpty();

      NDArray frames = m.randomNormal(new Shape(2, 2, 3, 32, 32));
      VideoFeatures a = byHand.encodeVideo(frames);
      VideoFeatures b = imported.encodeVideo(frames);
      assertThat(a.video().sub(b.video()).abs().max().getFloat()).isLessThan(1e-6f);

      NDArray ids = m.randomInteger(3, 50, new Shape(3, 248), DataType.INT64);
      NDArray eot = m.create(new long[] {4, 77, 230});
      NDArray ta = byHand.encodeText(ids, eot);
      NDArray tb = imported.encodeText(ids, eot);
      assertThat(ta.sub(tb).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void missingExtraAndMisShapedTensorsAreNamedInTheReport() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel source = new VideoClipModel(CLIP_ONLY).initialize(m);
      Map<String, NDArray> hf = hfLayoutOf(source, m);
      hf.remove("text_model.encoder.layers.1.self_attn.k_proj.bias");
      hf.put("vision_model.encoder.layers.9.mlp.fc1.weight", m.zeros(new Shape(4, 4)));
      hf.put("vision_model.post_layernorm.weight", m.ones(new Shape(W + 1)));
      Path file = dir.resolve("broken.safetensors");
      SafetensorsFile.write(file, hf);

      VideoClipModel target = new VideoClipModel(CLIP_ONLY).initialize(m);
      NDArray before = target.namedParameters().get("text.blocks.1.attn.in_proj_bias").getArray().duplicate();
      ImportReport report = ModelWeights.importFile(target, file, new HfClipFormat(), m);

      assertThat(report.isComplete()).isFalse();
      assertThat(report.missing())
          .containsExactly("text_model.encoder.layers.1.self_attn.k_proj.bias (for text.blocks.1.attn.in_proj_bias)");
      assertThat(report.unexpected()).containsExactly("vision_model.encoder.layers.9.mlp.fc1.weight");
      assertThat(report.misShaped()).hasSize(1);
      ImportReport.MisShaped bad = report.misShaped().get(0);
      assertThat(bad.source()).isEqualTo("vision_model.post_layernorm.weight");
      assertThat(bad.target()).isEqualTo("vision.ln_post.weight");
      assertThat(bad.found()).isEqualTo("(65)");
      assertThat(bad.expected()).isEqualTo("(64)");
      assertThat(report.render())
          .contains("text_model.encoder.layers.1.self_attn.k_proj.bias")
          .contains("vision_model.encoder.layers.9.mlp.fc1.weight")
          .contains("vision_model.post_layernorm.weight -> vision.ln_post.weight");
      // The parameter whose sources were incomplete is left exactly as it was.
      NDArray after = target.namedParameters().get("text.blocks.1.attn.in_proj_bias").getArray();
      assertThat(after.toByteArray()).isEqualTo(before.toByteArray());
    }
  }

  /**
   * Writes the model's tensors the way Hugging Face names and lays them out — q/k/v split, projections
   * transposed — and gives it a 77-row text position table whose Long-CLIP stretch is placed into the
   * model by hand.
   */
  public static Map<String, NDArray> hfLayoutOf(VideoClipModel model, NDManager m) {
    Map<String, Parameter> p = model.namedParameters();
    Map<String, NDArray> hf = new LinkedHashMap<>();
    String v = "vision_model.";
    hf.put(v + "embeddings.patch_embedding.weight", arr(p, "vision.conv1.weight"));
    hf.put(v + "embeddings.class_embedding", arr(p, "vision.class_embedding"));
    hf.put(v + "embeddings.position_embedding.weight", arr(p, "vision.positional_embedding"));
    hf.put(v + "embeddings.position_ids", m.arange(0, 17, 1, DataType.INT64).reshape(1, 17));
    hf.put(v + "pre_layrnorm.weight", arr(p, "vision.ln_pre.weight"));
    hf.put(v + "pre_layrnorm.bias", arr(p, "vision.ln_pre.bias"));
    for (int i = 0; i < 2; i++) {
      layer(hf, p, "vision.blocks." + i, v + "encoder.layers." + i);
    }
    hf.put(v + "post_layernorm.weight", arr(p, "vision.ln_post.weight"));
    hf.put(v + "post_layernorm.bias", arr(p, "vision.ln_post.bias"));
    hf.put("visual_projection.weight", arr(p, "vision.proj").transpose());

    String t = "text_model.";
    hf.put(t + "embeddings.token_embedding.weight", arr(p, "text.token_embedding.weight"));
    NDArray pe77 = m.randomNormal(0, 0.01f, new Shape(77, W), DataType.FLOAT32);
    hf.put(t + "embeddings.position_embedding.weight", pe77);
    float[][] stretched = PositionStretchTest.stretchByFormula(pe77);
    setRows(p.get("text.positional_embedding.kept"), stretched, 0, 20);
    setRows(p.get("text.positional_embedding.stretched"), stretched, 20, 248);
    for (int i = 0; i < 2; i++) {
      layer(hf, p, "text.blocks." + i, t + "encoder.layers." + i);
    }
    hf.put(t + "final_layer_norm.weight", arr(p, "text.ln_final.weight"));
    hf.put(t + "final_layer_norm.bias", arr(p, "text.ln_final.bias"));
    hf.put("text_projection.weight", arr(p, "text.text_projection").transpose());
    hf.put("logit_scale", arr(p, "logit_scale"));
    return hf;
  }

  private static void layer(Map<String, NDArray> hf, Map<String, Parameter> p, String ours, String theirs) {
    NDArray inW = arr(p, ours + ".attn.in_proj_weight");
    NDArray inB = arr(p, ours + ".attn.in_proj_bias");
    String[] qkv = {"q_proj", "k_proj", "v_proj"};
    for (int j = 0; j < 3; j++) {
      NDIndex rows = new NDIndex("{}:{}", j * W, (j + 1) * W);
      hf.put(theirs + ".self_attn." + qkv[j] + ".weight", inW.get(rows));
      hf.put(theirs + ".self_attn." + qkv[j] + ".bias", inB.get(rows));
    }
    hf.put(theirs + ".self_attn.out_proj.weight", arr(p, ours + ".attn.out_proj.weight"));
    hf.put(theirs + ".self_attn.out_proj.bias", arr(p, ours + ".attn.out_proj.bias"));
    hf.put(theirs + ".layer_norm1.weight", arr(p, ours + ".ln_1.weight"));
    hf.put(theirs + ".layer_norm1.bias", arr(p, ours + ".ln_1.bias"));
    hf.put(theirs + ".layer_norm2.weight", arr(p, ours + ".ln_2.weight"));
    hf.put(theirs + ".layer_norm2.bias", arr(p, ours + ".ln_2.bias"));
    hf.put(theirs + ".mlp.fc1.weight", arr(p, ours + ".mlp.c_fc.weight"));
    hf.put(theirs + ".mlp.fc1.bias", arr(p, ours + ".mlp.c_fc.bias"));
    hf.put(theirs + ".mlp.fc2.weight", arr(p, ours + ".mlp.c_proj.weight"));
    hf.put(theirs + ".mlp.fc2.bias", arr(p, ours + ".mlp.c_proj.bias"));
  }

  private static NDArray arr(Map<String, Parameter> p, String name) {
    return p.get(name).getArray().duplicate();
  }

  private static void setRows(Parameter p, float[][] rows, int from, int to) {
    float[] flat = new float[(to - from) * W];
    for (int r = from; r < to; r++) {
      System.arraycopy(rows[r], 0, flat, (r - from) * W, W);
    }
    p.getArray().set(flat);
  }
}
