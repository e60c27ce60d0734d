package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import ai.djl.ndarray.NDManager;
import io.vclip.trainer.model.VideoClipModel;
import io.vclip.trainer.model.weights.CheckpointFormats;
import io.vclip.trainer.model.weights.ImportReport;
import io.vclip.trainer.model.weights.ModelWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vclip model import}: converts a CLIP-family safetensors checkpoint into our weights file and
 * prints what was loaded, missing, unexpected or mis-shaped. Nothing is written unless every tensor the
 * format needs was present with the right shape.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Convert pretrained weights (safetensors) into a vclip weights file.")
final class ModelImportCommand implements Runnable {
  @Mixin ModelOptions model;

  @Option(names = "--format", required = true, description = "hf-clip, openai-clip, long-clip, xclip or vclip.")
  String format;

  @Option(names = "--in", required = true, description = "Source safetensors file.")
  Path in;

  @Option(names = "--out", required = true, description = "Where to write our safetensors file.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    var checkpointFormat = CheckpointFormats.byId(format);
    PrintWriter stdout = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoClipModel target = new VideoClipModel(model.config()).initialize(manager);
      ImportReport report = ModelWeights.importFile(target, in, checkpointFormat, manager);
      stdout.print(report.render());
      stdout.flush();
      if (!report.isComplete()) {
        throw new VclipUserException(
            "import: " + in + " has " + report.missing().size() + " missing and " + report.misShaped().size()
                + " mis-shaped tensors for --format " + format + " --preset " + model.preset
                + " (listed above); nothing written");
      }
      ModelWeights.save(target, out);
      stdout.println("wrote " + out);
      stdout.flush();
    } catch (IOException e) {
      throw new VclipUserException("import: cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
