package io.vclip.trainer.data.pack;

import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.shard.SampleKeys;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.ShardWriter;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.progress.ProgressBar;
import io.vclip.trainer.storage.ObjectStore;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Packs videos (frame folders or files) with their captions into shards. Inputs go in sample-key
 * order, so a resumed pack skips every input up to the last key of the last shard in
 * {@code shards.json} and continues with the next shard number; a shard that was in progress when
 * the previous run stopped is simply written again. Frames are decoded on worker threads, in order.
 */
public final class Packer {
  /** @param size output frames are size × size (short side scaled, centre-cropped) */
  public record Options(int frames, int size, long shardBytes, FrameFormat format, int workers) {}

  /** @param alreadyPacked inputs found complete in the output and skipped */
  public record Result(int packed, int alreadyPacked, int skipped, int shards) {}

  private record Keyed(String key, PackInput input) {}

  private final Options options;
  private final SkipReport skips;

  public Packer(Options options, SkipReport skips) {
    this.options = options;
    this.skips = skips;
  }

  public Result pack(List<PackInput> inputs, CaptionsFile captions, ObjectStore out) {
    List<Keyed> ordered = keyed(inputs);
    Optional<ShardIndex> existing = ShardIndex.find(out);
    existing.ifPresent(index -> checkCompatible(index, out));
    String lastDone = existing.flatMap(i -> i.shards().isEmpty() ? Optional.empty()
        : Optional.of(i.shards().get(i.shards().size() - 1).lastKey())).orElse(null);
    List<Keyed> todo = ordered.stream().filter(k -> lastDone == null || k.key().compareTo(lastDone) > 0).toList();
    ShardWriter.Options writerOptions = new ShardWriter.Options(options.shardBytes(), options.format(), options.frames());
    ShardWriter writer = existing.map(index -> new ShardWriter(out, writerOptions, index))
        .orElseGet(() -> ShardWriter.startNew(out, writerOptions));
    int packed = 0;
    int skippedBefore = skips.count();
    ExecutorService pool = Executors.newFixedThreadPool(options.workers());
    try (ProgressBar progress = ProgressBar.onStderr("pack", todo.size(), "videos")) {
      ArrayDeque<Map.Entry<Keyed, Future<List<BufferedImage>>>> window = new ArrayDeque<>();
      int next = 0;
      while (next < todo.size() || !window.isEmpty()) {
        while (next < todo.size() && window.size() < 2 * options.workers()) {
          Keyed k = todo.get(next++);
          window.add(Map.entry(k, pool.submit(() -> k.input().frames().load())));
        }
        var head = window.poll();
        Optional<Captions> caption = captions.forVideo(head.getKey().input().videoId());
        if (caption.isEmpty()) {
          head.getValue().cancel(true);
          skips.record(head.getKey().input().origin(), head.getKey().key(),
              "no captions line with video_id '" + head.getKey().input().videoId() + "'");
        } else {
          List<BufferedImage> frames = await(head.getKey(), head.getValue());
          if (frames != null) {
            writer.write(new VideoSample(head.getKey().key(), frames, caption.get()));
            packed++;
          }
        }
        progress.advance(1);
        if (skips.count() > skippedBefore) progress.note((skips.count() - skippedBefore) + " skipped");
      }
    } finally {
      pool.shutdownNow();
    }
    writer.close();
    return new Result(packed, ordered.size() - todo.size(), skips.count() - skippedBefore,
        writer.index().shards().size());
  }

  private List<BufferedImage> await(Keyed k, Future<List<BufferedImage>> f) {
    try {
      List<BufferedImage> frames = f.get();
      if (frames.size() != options.frames()) {
        skips.record(k.input().origin(), k.key(), "gave " + frames.size() + " frames, expected " + options.frames());
        return null;
      }
      return frames;
    } catch (ExecutionException e) {
      skips.record(k.input().origin(), k.key(), String.valueOf(e.getCause().getMessage()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("packing was interrupted", e);
    }
  }

  private static List<Keyed> keyed(List<PackInput> inputs) {
    Map<String, PackInput> byKey = new HashMap<>();
    List<Keyed> out = new ArrayList<>();
    for (PackInput in : inputs) {
      String key = SampleKeys.sanitise(in.videoId());
      PackInput clash = byKey.put(key, in);
      if (clash != null) {
        throw new IllegalArgumentException(clash.origin() + " and " + in.origin() + " map to the same sample key '"
            + key + "'; rename one");
      }
      out.add(new Keyed(key, in));
    }
    out.sort(Comparator.comparing(Keyed::key));
    return out;
  }

  private void checkCompatible(ShardIndex index, ObjectStore out) {
    if (index.framesPerSample() != options.frames() || !index.frameFormat().equals(options.format().extension())) {
      throw new IllegalArgumentException("output " + out.location() + " already holds a data set with "
          + index.framesPerSample() + " " + index.frameFormat() + " frames per sample; resume with the same --frames"
          + " and format, or choose an empty --out");
    }
  }
}
