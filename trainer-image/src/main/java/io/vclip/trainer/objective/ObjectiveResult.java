package io.vclip.trainer.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step's objective: {@link #total()} to differentiate, and each enabled part (unweighted) by name
 * for metrics. Values are read on demand, so a caller that only needs the backward pays no copy.
 */
public final class ObjectiveResult {
  public static final String TOTAL = "total";

  private final NDArray total;
  private final Map<String, NDArray> parts;
  private final int[] tpcmComponents;

  ObjectiveResult(NDArray total, Map<String, NDArray> parts, int[] tpcmComponents) {
    this.total = total;
    this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    this.tpcmComponents = tpcmComponents;
  }

  /** The weighted sum, a scalar attached to the graph. */
  public NDArray total() {
    return total;
  }

  /** Enabled parts, unweighted, in order contrastive, tpcm, ddr, hdr. */
  public Map<String, NDArray> parts() {
    return parts;
  }

  /** A part's value, or the total's for {@value #TOTAL}. */
  public double value(String name) {
    NDArray array = TOTAL.equals(name) ? total : parts.get(name);
    if (array == null) {
      throw new IllegalArgumentException("objective part '" + name + "' is not enabled; enabled: " + values().keySet());
    }
    return array.toType(DataType.FLOAT64, false).getDouble();
  }

  /** Every enabled part's value and the total, for metrics. */
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    parts.forEach((name, array) -> values.put(name, array.toType(DataType.FLOAT64, false).getDouble()));
    values.put(TOTAL, total.toType(DataType.FLOAT64, false).getDouble());
    return values;
  }

  /** Components kept per sample by TPCM's PCE (empty when TPCM is off). */
  public int[] tpcmComponents() {
    return tpcmComponents.clone();
  }
}
