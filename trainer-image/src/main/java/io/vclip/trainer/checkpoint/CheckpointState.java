package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one rank saves at a step. The training loop fills it; the checkpoint code never interprets the
 * JSON parts.
 *
 * @param model the model parameters by name; replicated on every rank, so only rank 0 passes them
 *     (other ranks pass an empty map)
 * @param optimizer this rank's slice of the sharded optimizer state
 * @param schedule learning-rate schedule state (replicated; restored from rank 0's shard)
 * @param rng this rank's random generator state
 * @param loaderPosition this rank's data-loader position
 */
public record CheckpointState(
    Map<String, FloatTensor> model,
    OptimizerSlice optimizer,
    JsonNode schedule,
    JsonNode rng,
    JsonNode loaderPosition) {

  public CheckpointState {
    model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    Objects.requireNonNull(optimizer, "optimizer");
    schedule = schedule == null ? NullNode.getInstance() : schedule;
    rng = rng == null ? NullNode.getInstance() : rng;
    loaderPosition = loaderPosition == null ? NullNode.getInstance() : loaderPosition;
  }

  /** Converts any Jackson-serialisable value (a record of the schedule, RNG, loader) to a JSON tree. */
  public static JsonNode json(Object value) {
    return CheckpointJson.MAPPER.valueToTree(value);
  }

  /** Reads a JSON part back into the training loop's own type. */
  public static <T> T fromJson(JsonNode node, Class<T> type) {
    try {
      return CheckpointJson.MAPPER.treeToValue(node, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CheckpointException("checkpoint JSON " + node + " does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Serialised size of the tensors in bytes (what a shard roughly weighs). */
  public long tensorBytes() {
    long n = 0;
    for (FloatTensor t : model.values()) n += 4L * t.values().remaining();
    for (float[] v : optimizer.vectors().values()) n += 4L * v.length;
    return n;
  }
}
