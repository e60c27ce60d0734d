package io.vclip.trainer.cli;

import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.ParameterCounts;
import io.vclip.trainer.model.TextConfig;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.VisionConfig;
import io.vclip.trainer.model.XClipConfig;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vclip model info}: the architecture of a preset and its parameter counts (nothing allocated). */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print a preset's architecture and parameter counts.")
final class ModelInfoCommand implements Runnable {
  @Mixin ModelOptions model;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    ModelConfig c = model.config();
    ParameterCounts n = new VideoClipModel(c).parameterCounts();
    PrintWriter out = spec.commandLine().getOut();
    VisionConfig v = c.vision();
    TextConfig t = c.text();
    XClipConfig x = c.xclip();
    out.printf("model %s, %d frames, embed dim %d%n", c.name(), x.frames(), c.embedDim());
    out.printf(
        "vision  CLIP ViT: %d px, patch %d (%d patches + [CLS]), width %d, %d layers, %d heads%n",
        v.imageSize(), v.patchSize(), v.patches(), v.width(), v.layers(), v.heads());
    out.printf(
        "        cross-frame attention: %s, drop path %.2f%n", onOff(x.crossFrameAttention()), x.dropPath());
    out.printf(
        "video   MIT: %s (%d layers, %d heads); prompts: %s%n",
        onOff(x.mit()), x.mitLayers(), c.xclipHeads(),
        x.prompts()
            ? "on (" + x.promptLayers() + " layers, " + c.xclipHeads()
                + " heads; B texts x B videos = B^2 prompted text features per contrastive batch)"
            : "off");
    out.printf(
        "text    Long-CLIP: vocab %d, %d positions (first %d frozen), width %d, %d layers, %d heads%n",
        t.vocabSize(), t.contextLength(), TextConfig.KEPT_POSITIONS, t.width(), t.layers(), t.heads());
    out.println("parameters");
    row(out, "vision tower", n.visionTower());
    row(out, "text tower", n.textTower());
    row(out, "X-CLIP additions", n.xclipAdditions());
    row(out, "logit scale", n.logitScale());
    row(out, "total", n.total());
    row(out, "  of which frozen", n.frozen());
    out.flush();
  }

  private static String onOff(boolean b) {
    return b ? "on" : "off";
  }

  private static void row(PrintWriter out, String label, long count) {
    out.printf("  %-18s %,15d%n", label, count);
  }
}
