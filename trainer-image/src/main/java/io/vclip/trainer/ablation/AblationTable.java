package io.vclip.trainer.ablation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The ablation's result: the setup every variant shared and one row per finished variant, rendered as
 * {@code ablation.md} (a markdown table) and {@code ablation.json} (the same figures, unrounded).
 */
public record AblationTable(Setup setup, List<AblationRow> rows) {
  public static final String MARKDOWN = "ablation.md";
  public static final String JSON = "ablation.json";

  /** What every row had in common: the base spec's budget, data and model. */
  public record Setup(String spec, String preset, int replicas, long maxSteps, int globalBatchSize, long seed,
      int videos, int heldOutVideos, int frameSize, long dataSeed, int fixedK) {

    public static Setup of(VideoClipTraining base) {
      VideoClipTrainingSpec s = base.getSpec();
      var synthetic = s.getData().getSynthetic();
      // The preset as the YAML spells it ("tiny", "ViT-B/32"), not the enum constant.
      String preset = new ObjectMapper().convertValue(s.getModel().getPreset(), String.class);
      return new Setup(base.getMetadata().getName(), preset, s.getReplicas(),
          s.getOptimization().getMaxSteps(), s.getOptimization().getGlobalBatchSize(), s.getOptimization().getSeed(),
          synthetic.getVideos(), synthetic.getHeldOutVideos(), synthetic.getFrameSize(), synthetic.getSeed(),
          s.getObjective().getTpcm().getK());
    }
  }

  public AblationTable {
    rows = List.copyOf(rows);
  }

  public AblationTable with(AblationRow row) {
    List<AblationRow> more = new java.util.ArrayList<>(rows);
    more.add(row);
    return new AblationTable(setup, more);
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT,
        "Setup: `%s`, preset %s, %d replica(s), %d steps, global batch %d, seed %d; synthetic world "
            + "seed %d, %d training / %d held-out clips at %d px; fixed k = %d.%n%n",
        setup.spec(), setup.preset(), setup.replicas(), setup.maxSteps(), setup.globalBatchSize(), setup.seed(),
        setup.dataSeed(), setup.videos(), setup.heldOutVideos(), setup.frameSize(), setup.fixedK()));
    md.append("| variant | objective | t→v R@1 | t→v R@5 | v→t R@1 | t→v mean rank | LVDR pair acc "
        + "| DDR pair acc | HDR pair acc | final loss | final L_CL | wall |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (AblationRow r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f s |%n",
          r.id(), r.label(), percent(r.textToVideoR1()), percent(r.textToVideoR5()), percent(r.videoToTextR1()),
          number(r.textToVideoMeanRank(), "%.1f"), fraction(r.lvdrPairAccuracy()), fraction(r.ddrPairAccuracy()),
          fraction(r.hdrPairAccuracy()), number(r.finalLoss(), "%.3f"), number(r.finalContrastiveLoss(), "%.3f"),
          r.wallSeconds()));
    }
    return md.toString();
  }

  /** Writes both files into {@code dir} (replacing earlier ones, so a partial table is always on disk). */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKDOWN), markdown(), StandardCharsets.UTF_8);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON).toFile(), this);
  }

  public static AblationTable read(Path json) throws IOException {
    return new ObjectMapper().readValue(json.toFile(), AblationTable.class);
  }

  private static String percent(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value);
  }

  private static String fraction(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }

  private static String number(Double value, String format) {
    return value == null ? "–" : String.format(Locale.ROOT, format, value);
  }
}
