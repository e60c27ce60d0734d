package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.ranking.CaptionRankings;
import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.data.shard.ShardEntry;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.ShardReader;
import io.vclip.trainer.data.shard.ShardWriter;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.progress.ProgressBar;
import io.vclip.trainer.storage.ObjectStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vclip data synth}: precomputes DDR and HDR sequences for every sample of a shard set into a
 * new shard set, so training does not synthesise them on the fly.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Precompute DDR (less detail) and HDR (more hallucination) sequences into a copy of the shards.")
final class DataSynthCommand implements Callable<Integer> {
  // JPEG frames are decoded and encoded again; a high quality keeps the copy close to the source.
  static final float RECOMPRESS_QUALITY = 0.95f;

  @Option(names = "--in", required = true, paramLabel = "DIR|s3://…", description = "shards to read") String in;
  @Option(names = "--out", required = true, paramLabel = "DIR|s3://…", description = "where the annotated shards go") String out;
  @Option(names = "--length", defaultValue = "5",
      description = "texts per sequence, the original included (default: ${DEFAULT-VALUE})") int length;
  @Option(names = "--seed", defaultValue = "0") long seed;
  @Option(names = "--shard-size-mb", defaultValue = "256") double shardSizeMb;

  @Override
  public Integer call() throws Exception {
    if (length < 2) throw new VclipUserException("--length must be at least 2 (the original and one edit), got " + length);
    try (ObjectStore source = ObjectStore.open(in, System.getenv()); ObjectStore target = ObjectStore.open(out, System.getenv())) {
      ShardIndex index = ShardIndex.find(source).orElseThrow(() ->
          new VclipUserException("--in " + in + ": no " + ShardIndex.FILE_NAME + " there (not a vclip shard set)"));
      if (ShardIndex.find(target).isPresent()) {
        throw new VclipUserException("--out " + out + " already holds a shard set; choose an empty location");
      }
      CaptionRankings rankings = new CaptionRankings(new RankingSynthesizer(), length, seed);
      FrameFormat format = "png".equals(index.frameFormat()) ? FrameFormat.png() : FrameFormat.jpeg(RECOMPRESS_QUALITY);
      SkipReport skips = new SkipReport();
      try (ShardWriter writer = ShardWriter.startNew(target,
              new ShardWriter.Options((long) (shardSizeMb * 1024 * 1024), format, index.framesPerSample()));
          ProgressBar bar = ProgressBar.onStderr("ddr/hdr", index.totalSamples(), "samples")) {
        for (ShardEntry shard : index.shards()) {
          try (ShardReader reader = new ShardReader(source, shard.name(), index.framesPerSample(), skips)) {
            while (reader.hasNext()) {
              VideoSample s = reader.next();
              writer.write(new VideoSample(s.key(), s.frames(), rankings.annotate(s.captions())));
              bar.advance(1);
            }
          }
        }
      }
      System.err.println(skips.summary());
    }
    return 0;
  }
}
