package io.vclip.trainer.model.weights;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.vclip.trainer.model.VideoClipModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills an initialised model's parameters from named checkpoint tensors through a format's mapping
 * table. Nothing is half-written: a parameter is either filled completely or left as it was and named in
 * the report.
 */
public final class WeightImporter {
  private WeightImporter() {}

  public static ImportReport importInto(
      VideoClipModel model, Map<String, NDArray> tensors, CheckpointFormat format) {
    Map<String, Parameter> params = model.namedParameters();
    List<String> loaded = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<ImportReport.MisShaped> misShaped = new ArrayList<>();
    Set<String> used = new HashSet<>();
    Set<String> covered = new HashSet<>();
    for (TensorRule rule : format.rules(model.config())) {
      Parameter p = params.get(rule.target());
      if (p == null) {
        throw new IllegalStateException(format.id() + " table names unknown parameter " + rule.target());
      }
      covered.add(rule.target());
      List<NDArray> sources = new ArrayList<>();
      for (String s : rule.sources()) {
        NDArray a = tensors.get(s);
        if (a == null) {
          missing.add(s + " (for " + rule.target() + ")");
        } else {
          used.add(s);
          sources.add(a);
        }
      }
      if (sources.size() != rule.sources().size()) {
        continue;
      }
      Shape expected = p.getShape();
      try (NDManager scratch = p.getArray().getManager().newSubManager()) {
        NDArray value = transform(rule, sources, expected, scratch);
        if (value == null || !value.getShape().equals(expected)) {
          misShaped.add(
              new ImportReport.MisShaped(
                  String.join("+", rule.sources()),
                  rule.target(),
                  value == null ? shapesOf(sources) : value.getShape().toString(),
                  expected.toString()));
          continue;
        }
        p.getArray().set(value.toType(DataType.FLOAT32, false).toByteBuffer());
        loaded.add(rule.target());
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String name : tensors.keySet()) {
      if (!used.contains(name) && !format.isBuffer(name)) {
        unexpected.add(name);
      }
    }
    Set<String> uncovered = new LinkedHashSet<>(params.keySet());
    uncovered.removeAll(covered);
    return new ImportReport(format.id(), loaded, missing, unexpected, misShaped, List.copyOf(uncovered));
  }

  /** The rule's result on a scratch manager, or null when the sources cannot be combined at all. */
  private static NDArray transform(TensorRule rule, List<NDArray> sources, Shape expected, NDManager scratch) {
    List<NDArray> attached = new ArrayList<>();
    for (NDArray s : sources) {
      NDArray copy = s.duplicate();
      copy.attach(scratch);
      attached.add(copy);
    }
    try {
      NDArray out = rule.transform().apply(attached, expected);
      out.attach(scratch);
      return out;
    } catch (IllegalArgumentException | EngineException e) {
      return null;
    }
  }

  private static String shapesOf(List<NDArray> sources) {
    return sources.stream().map(a -> a.getShape().toString()).toList().toString();
  }
}
