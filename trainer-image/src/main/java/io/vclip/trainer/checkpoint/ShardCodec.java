package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * The entries of one rank's shard, in this order: {@code meta} (step, rank, world size), the JSON parts
 * {@code schedule}, {@code rng}, {@code loader}, then {@code optimizer} (its step, full length, vector
 * names) and the {@code optimizer/<vector>} slices, and last the {@code model/<name>} tensors (rank 0
 * only). Small parts first, so a restoring rank that needs only them from a shard stops reading early.
 */
final class ShardCodec {
  static final String META = "meta";
  static final String MODEL_PREFIX = "model/";
  static final String OPTIMIZER = "optimizer";
  static final String OPTIMIZER_PREFIX = "optimizer/";
  static final String SCHEDULE = "schedule";
  static final String RNG = "rng";
  static final String LOADER = "loader";

  private ShardCodec() {}

  /** Serialises {@code state} to {@code file} (the snapshot: the caller may change its tensors afterwards). */
  static ShardWriter.Written write(CheckpointState state, long step, int rank, int world, Path file) {
    ZeroSlices.Range range = ZeroSlices.range(state.optimizer().fullLength(), rank, world);
    try (ShardWriter out = new ShardWriter(file)) {
      ObjectNode meta = CheckpointJson.MAPPER.createObjectNode();
      meta.put("format", Manifest.FORMAT).put("step", step).put("rank", rank).put("world_size", world);
      out.json(META, bytes(meta));
      out.json(SCHEDULE, bytes(state.schedule()));
      out.json(RNG, bytes(state.rng()));
      out.json(LOADER, bytes(state.loaderPosition()));
      OptimizerSlice opt = state.optimizer();
      ObjectNode optMeta = CheckpointJson.MAPPER.createObjectNode();
      optMeta.put("step", opt.step()).put("full_length", opt.fullLength());
      optMeta.putArray("vectors").addAll(opt.vectors().keySet().stream()
          .map(CheckpointJson.MAPPER.getNodeFactory()::textNode).toList());
      out.json(OPTIMIZER, bytes(optMeta));
      for (Map.Entry<String, float[]> e : opt.vectors().entrySet()) {
        float[] v = e.getValue();
        if (v.length < range.length()) {
          throw new CheckpointException("optimizer vector '" + e.getKey() + "' of rank " + rank + " has " + v.length
              + " values but its slice " + range + " of " + opt.fullLength() + " needs " + range.length());
        }
        // Padding beyond the real range is not saved: restore re-pads for the new world size.
        out.tensor(OPTIMIZER_PREFIX + e.getKey(),
            new FloatTensor(new long[] {range.length()}, java.nio.FloatBuffer.wrap(v, 0, (int) range.length())));
      }
      for (Map.Entry<String, FloatTensor> e : state.model().entrySet()) {
        out.tensor(MODEL_PREFIX + e.getKey(), e.getValue());
      }
      return out.finish();
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return CheckpointJson.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new CheckpointException("cannot serialise checkpoint JSON: " + e, e);
    }
  }

  static JsonNode parse(byte[] json, String what) {
    try {
      return CheckpointJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new CheckpointException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static java.util.List<String> names(JsonNode array) {
    java.util.List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
