package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What one rank of a (possibly different-sized) new world gets back from a checkpoint.
 *
 * @param manifest the committed manifest it came from (old world size, step, progress)
 * @param model every model parameter, from old rank 0's shard
 * @param optimizer this rank's optimizer slice, re-sliced for the new world size and padded to
 *     {@link ZeroSlices#chunk}
 * @param schedule the schedule state (from old rank 0)
 * @param rngByOldRank each old rank's RNG state, in old rank order
 * @param loaderByOldRank each old rank's data-loader position, in old rank order (the loader decides
 *     how W old positions map onto W' new readers)
 */
public record RestoredCheckpoint(
    Manifest manifest,
    Map<String, FloatTensor> model,
    OptimizerSlice optimizer,
    JsonNode schedule,
    List<JsonNode> rngByOldRank,
    List<JsonNode> loaderByOldRank) {

  public long step() {
    return manifest.step();
  }
}
