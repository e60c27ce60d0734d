package io.vclip.trainer.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.vclip.trainer.storage.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores one rank of a new world of {@code W'} ranks from a checkpoint written by {@code W} ranks.
 * Model and schedule come from old rank 0's shard; the optimizer slice is assembled from the parts of
 * the old slices that overlap the new rank's range (what {@link ZeroSlices#reslice} defines, without
 * materialising the full vector). Shards read to the end are checked against the manifest again.
 */
final class CheckpointReader {
  private final ObjectStore store;
  private final CheckpointLayout layout;

  CheckpointReader(ObjectStore store, CheckpointLayout layout) {
    this.store = store;
    this.layout = layout;
  }

  RestoredCheckpoint restore(Manifest manifest, int rank, int world) {
    ZeroSlices.range(0, rank, world); // validates rank and world
    int oldWorld = manifest.worldSize();
    Map<String, FloatTensor> model = new LinkedHashMap<>();
    JsonNode schedule = null;
    List<JsonNode> rng = new ArrayList<>();
    List<JsonNode> loader = new ArrayList<>();
    Map<String, float[]> slices = new LinkedHashMap<>();
    long optimizerStep = 0;
    long fullLength = -1;

    for (int oldRank = 0; oldRank < oldWorld; oldRank++) {
      ShardInfo info = shardOf(manifest, oldRank);
      String key = layout.shardKey(manifest.step(), info.key());
      String source = "checkpoint shard " + key + " in " + store.location();
      boolean needsModel = oldRank == 0;
      try (ShardReader in = new ShardReader(store.open(key), source)) {
        ZeroSlices.Range oldRange = null;
        ZeroSlices.Range newRange = null;
        boolean readToEnd = true;
        for (ShardReader.Entry e = in.next(); e != null; e = in.next()) {
          String name = e.name();
          if (name.equals(ShardCodec.SCHEDULE)) {
            JsonNode s = ShardCodec.parse(in.readJson(e), source + " " + name);
            if (oldRank == 0) schedule = s;
          } else if (name.equals(ShardCodec.RNG)) {
            rng.add(ShardCodec.parse(in.readJson(e), source + " " + name));
          } else if (name.equals(ShardCodec.LOADER)) {
            loader.add(ShardCodec.parse(in.readJson(e), source + " " + name));
          } else if (name.equals(ShardCodec.OPTIMIZER)) {
            JsonNode opt = ShardCodec.parse(in.readJson(e), source + " " + name);
            long n = opt.path("full_length").asLong(-1);
            if (fullLength >= 0 && n != fullLength) {
              throw new CheckpointException(source + " says the optimizer vector has " + n
                  + " values, rank 0's shard says " + fullLength);
            }
            fullLength = n;
            optimizerStep = opt.path("step").asLong();
            oldRange = ZeroSlices.range(n, oldRank, oldWorld);
            newRange = ZeroSlices.range(n, rank, world);
            if (oldRange.intersect(newRange).length() == 0 && !needsModel) {
              readToEnd = false;
              int chunk = (int) ZeroSlices.chunk(n, world);
              for (String v : ShardCodec.names(opt.path("vectors"))) slices.computeIfAbsent(v, k -> new float[chunk]);
              break;
            }
          } else if (name.startsWith(ShardCodec.OPTIMIZER_PREFIX) && e.isTensor()) {
            if (oldRange == null) throw new CheckpointException(source + " has optimizer vectors before their description");
            if (e.count() != oldRange.length()) {
              throw new CheckpointException(source + " entry " + name + " has " + e.count() + " values, its range "
                  + oldRange + " needs " + oldRange.length());
            }
            int chunk = (int) ZeroSlices.chunk(fullLength, world);
            float[] target = slices.computeIfAbsent(name.substring(ShardCodec.OPTIMIZER_PREFIX.length()),
                k -> new float[chunk]);
            ZeroSlices.Range overlap = oldRange.intersect(newRange);
            if (overlap.length() > 0) {
              in.skipFloats(overlap.from() - oldRange.from());
              in.readFloats(target, (int) (overlap.from() - newRange.from()), (int) overlap.length());
            }
          } else if (name.startsWith(ShardCodec.MODEL_PREFIX) && e.isTensor() && needsModel) {
            model.put(name.substring(ShardCodec.MODEL_PREFIX.length()), FloatTensor.of(in.readTensor(e), e.shape()));
          }
        }
        if (readToEnd) checkAgainstManifest(in.finish(), info, source);
      }
    }
    if (fullLength < 0) throw new CheckpointException("step " + manifest.step() + " has no optimizer state in its shards");
    if (schedule == null) throw new CheckpointException("rank 0's shard of step " + manifest.step() + " has no schedule entry");
    return new RestoredCheckpoint(manifest, model, new OptimizerSlice(optimizerStep, fullLength, slices),
        schedule, List.copyOf(rng), List.copyOf(loader));
  }

  private static ShardInfo shardOf(Manifest manifest, int rank) {
    return manifest.shards().stream().filter(s -> s.rank() == rank).findFirst()
        .orElseThrow(() -> new CheckpointException("manifest of step " + manifest.step() + " lists no shard for rank " + rank));
  }

  static void checkAgainstManifest(ShardWriter.Written read, ShardInfo expected, String source) {
    if (read.size() != expected.size()) {
      throw new CheckpointException(source + " has " + read.size() + " bytes, the manifest says " + expected.size());
    }
    if (!read.sha256().equals(expected.sha256())) {
      throw new CheckpointException(source + " has SHA-256 " + read.sha256() + ", the manifest says " + expected.sha256());
    }
  }
}
