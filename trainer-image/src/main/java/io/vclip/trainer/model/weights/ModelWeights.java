package io.vclip.trainer.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.model.VideoClipModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Saves and loads our own weights: one safetensors file, every parameter under its dotted name. */
public final class ModelWeights {
  private ModelWeights() {}

  public static void save(VideoClipModel model, Path file) throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    model.namedParameters().forEach((name, p) -> tensors.put(name, p.getArray()));
    SafetensorsFile.write(file, tensors);
  }

  /** Loads a file written by {@link #save}; any missing, extra or mis-shaped tensor is an error. */
  public static ImportReport load(VideoClipModel model, Path file, NDManager scratch) {
    ImportReport report = importFile(model, file, new VclipFormat(), scratch);
    if (!report.isComplete() || !report.unexpected().isEmpty()) {
      throw new VclipUserException("weights: " + file + " does not fit this model\n" + report.render());
    }
    return report;
  }

  /** Imports any supported format; the caller decides what the report's gaps mean. */
  public static ImportReport importFile(
      VideoClipModel model, Path file, CheckpointFormat format, NDManager scratch) {
    try (NDManager m = scratch.newSubManager()) {
      return WeightImporter.importInto(model, SafetensorsFile.read(file, m), format);
    }
  }
}
