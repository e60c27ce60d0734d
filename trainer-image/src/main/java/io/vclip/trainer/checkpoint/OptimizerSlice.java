package io.vclip.trainer.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This rank's part of the ZeRO-1 sharded optimizer state: flat float vectors (AdamW's {@code m} and
 * {@code v}) covering the range {@link ZeroSlices#range} of the full flattened parameter vector, the
 * optimizer's own step counter (bias correction), and the full vector's unpadded length.
 *
 * <p>Each vector is at least as long as the rank's range; extra trailing values (padding to equal
 * slice sizes) are ignored on save.
 */
public record OptimizerSlice(long step, long fullLength, Map<String, float[]> vectors) {
  public static final String ADAM_M = "m";
  public static final String ADAM_V = "v";

  public OptimizerSlice {
    if (fullLength < 0) throw new IllegalArgumentException("fullLength must be >= 0, got " + fullLength);
    vectors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vectors));
  }

  /** AdamW's state: first and second moments. */
  public static OptimizerSlice adamW(long step, long fullLength, float[] m, float[] v) {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    vectors.put(ADAM_M, m);
    vectors.put(ADAM_V, v);
    return new OptimizerSlice(step, fullLength, vectors);
  }

  public float[] vector(String name) {
    float[] v = vectors.get(name);
    if (v == null) throw new CheckpointException("optimizer state has no vector '" + name + "' (has " + vectors.keySet() + ")");
    return v;
  }
}
