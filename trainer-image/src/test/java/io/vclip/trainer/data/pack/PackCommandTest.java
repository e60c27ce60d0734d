package io.vclip.trainer.data.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.cli.VclipCommand;
import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameCodec;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.shard.ShardEntry;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.ShardReader;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vclip data pack} from frame folders + JSONL, end to end through the CLI. */
class PackCommandTest {
  @TempDir Path tmp;

  /** 6 videos of 10 frames; v3 has no caption line, v4 has no frames, v5 has a broken frame. */
  Path frameFolders() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("frames"));
    for (int v = 0; v < 6; v++) {
      Path dir = Files.createDirectories(root.resolve("vid." + v));
      if (v == 4) continue;
      for (int f = 0; f < 10; f++) {
        byte[] png = FrameCodec.encode(TestDataSets.solid(TestDataSets.colour(v, f), 24, 16), FrameFormat.png());
        Files.write(dir.resolve(String.format("img_%05d.png", f)), v == 5 && f == 3 ? new byte[] {1, 2, 3} : png);
      }
    }
    StringBuilder jsonl = new StringBuilder();
    for (int v = 0; v < 6; v++) {
      if (v == 3) continue;
      jsonl.append("{\"video_id\": \"vid.").append(v).append("\", \"long_captions\": [\"long ").append(v)
          .append("\"], \"short_captions\": [\"short ").append(v).append("\"]}\n");
    }
    Files.writeString(tmp.resolve("captions.jsonl"), jsonl);
    return root;
  }

  record Run(int exit, String err) {}

  static Run vclip(String... args) {
    CommandLine cli = VclipCommand.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, err.toString());
  }

  Run pack(Path frames, Path out, String shardMb) {
    return vclip("data", "pack", "--frames-dir", frames.toString(), "--captions", tmp.resolve("captions.jsonl").toString(),
        "--out", out.toString(), "--frames", "4", "--size", "16", "--png", "--shard-size-mb", shardMb, "--workers", "2");
  }

  static List<VideoSample> readAll(FileSystemObjectStore store, SkipReport skips) {
    List<VideoSample> all = new ArrayList<>();
    for (ShardEntry e : ShardIndex.read(store).shards()) {
      try (ShardReader r = new ShardReader(store, e.name(), 4, skips)) {
        r.forEachRemaining(all::add);
      }
    }
    return all;
  }

  @Test
  void packsFrameFoldersSamplingSegmentMiddlesAndSkippingBadVideos() throws Exception {
    Path frames = frameFolders();
    Run run = pack(frames, tmp.resolve("out"), "1");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("packed 3 videos").contains("3 samples skipped")
        .contains("vid_3 (no captions line with video_id 'vid.3')")
        .contains("vid_4 (no .jpg/.jpeg/.png frames")
        .contains("vid_5 (").contains("img_00003.png");

    var store = new FileSystemObjectStore(tmp.resolve("out"));
    SkipReport skips = new SkipReport();
    List<VideoSample> samples = readAll(store, skips);
    assertThat(skips.count()).isZero();
    assertThat(samples).extracting(VideoSample::key).containsExactly("vid_0", "vid_1", "vid_2");
    for (VideoSample s : samples) {
      int v = Integer.parseInt(s.key().substring(4));
      assertThat(s.captions().videoId()).isEqualTo("vid." + v);
      assertThat(s.captions().shortCaptions()).containsExactly("short " + v);
      int[] picked = {1, 3, 6, 8}; // middles of 4 segments of 10 frames
      for (int t = 0; t < 4; t++) {
        assertThat(s.frames().get(t).getWidth()).isEqualTo(16);
        assertThat(s.frames().get(t).getHeight()).isEqualTo(16);
        assertThat(s.frames().get(t).getRGB(8, 8) & 0xffffff)
            .isEqualTo(TestDataSets.colour(v, picked[t]).getRGB() & 0xffffff);
      }
    }
  }

  @Test
  void resumeContinuesAfterTheLastCompleteShard() throws Exception {
    Path frames = frameFolders();
    // ~1 KB per sample: a tiny target makes one shard per video.
    assertThat(pack(frames, tmp.resolve("full"), "0.0005").exit()).isZero();
    ShardIndex full = ShardIndex.read(new FileSystemObjectStore(tmp.resolve("full")));
    assertThat(full.shards()).hasSize(3);

    // A run that stopped after its first shard: that shard and the index listing it were written;
    // the second shard was uploaded but never listed (the crash came before the index update).
    Path partial = tmp.resolve("partial");
    var store = new FileSystemObjectStore(partial);
    var fullStore = new FileSystemObjectStore(tmp.resolve("full"));
    store.put("shard-000000.tar", fullStore.get("shard-000000.tar"));
    store.put("shard-000001.tar", new byte[] {42});
    new ShardIndex(full.format(), full.framesPerSample(), full.frameFormat(), List.of(full.shards().get(0))).write(store);

    Run resumed = pack(frames, partial, "0.0005");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("packed 2 videos").contains("1 already packed before");
    assertThat(ShardIndex.read(store)).isEqualTo(full);
    for (ShardEntry e : full.shards()) {
      assertThat(store.get(e.name())).as(e.name()).isEqualTo(fullStore.get(e.name()));
    }
  }

  @Test
  void packsVideoFiles() throws Exception {
    Path videos = Files.createDirectories(tmp.resolve("videos"));
    VideoFileSourceTest.record(videos.resolve("clip-a.mp4"), "mp4", org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4,
        org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
    VideoFileSourceTest.record(videos.resolve("clip-b.mkv"), "matroska", org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1,
        org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
    Files.writeString(tmp.resolve("v.jsonl"), "{\"video_id\": \"clip-a\", \"long_captions\": [\"a\"]}\n"
        + "{\"video_id\": \"clip-b\", \"long_captions\": [\"b\"]}\n");
    Run run = vclip("data", "pack", "--videos", videos.toString(), "--captions", tmp.resolve("v.jsonl").toString(),
        "--out", tmp.resolve("vout").toString(), "--frames", "4", "--size", "32", "--jpeg-quality", "95");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("packed 2 videos").contains("no samples skipped");
    var store = new FileSystemObjectStore(tmp.resolve("vout"));
    assertThat(ShardIndex.read(store).frameFormat()).isEqualTo("jpg");
    List<VideoSample> samples = readAll(store, new SkipReport());
    assertThat(samples).extracting(VideoSample::key).containsExactly("clip-a", "clip-b");
    for (VideoSample s : samples) {
      assertThat(s.frames().stream().mapToInt(f -> VideoFileSourceTest.nearestFrame(f.getRGB(16, 16))).toArray())
          .containsExactly(2, 7, 12, 17);
    }
  }

  @Test
  void packsToS3WithCredentialsFromTheEnvironmentInARealProcess() throws Exception {
    Path frames = frameFolders();
    try (var server = io.vclip.trainer.storage.EmbeddedS3Server.inMemory();
         var bucket = server.store("data", "packed")) {
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // C1 only: this short-lived child spends its time starting up, not in hot loops.
      ProcessBuilder pb = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          "io.vclip.trainer.cli.VclipCommand", "data", "pack", "--frames-dir", frames.toString(),
          "--captions", tmp.resolve("captions.jsonl").toString(), "--out", "s3://data/packed",
          "--frames", "4", "--size", "16", "--png", "--workers", "1");
      pb.environment().put(io.vclip.trainer.storage.S3Settings.ENV_ENDPOINT, server.settings().endpoint());
      pb.environment().put(io.vclip.trainer.storage.S3Settings.ENV_ACCESS_KEY, server.settings().accessKey());
      pb.environment().put(io.vclip.trainer.storage.S3Settings.ENV_SECRET_KEY, server.settings().secretKey());
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(output).isZero();
      assertThat(output).contains("packed 3 videos into s3://data/packed");
      ShardIndex index = ShardIndex.read(bucket);
      assertThat(index.totalSamples()).isEqualTo(3);
      List<String> keys = new ArrayList<>();
      try (ShardReader r = new ShardReader(bucket, index.shards().get(0).name(), 4, new SkipReport())) {
        r.forEachRemaining(v -> keys.add(v.key()));
      }
      assertThat(keys).containsExactly("vid_0", "vid_1", "vid_2");
    }
    // This JVM has no S3 variables: the error names them.
    Run noEnv = vclip("data", "pack", "--frames-dir", frames.toString(), "--captions",
        tmp.resolve("captions.jsonl").toString(), "--out", "s3://data/packed");
    assertThat(noEnv.exit()).isEqualTo(2);
    assertThat(noEnv.err()).startsWith("vclip: error:").contains(io.vclip.trainer.storage.S3Settings.ENV_ENDPOINT);
  }

  @Test
  void badInputIsOneClearLine() throws Exception {
    Path frames = frameFolders();
    Run missing = vclip("data", "pack", "--frames-dir", frames.toString(), "--captions", tmp.resolve("nope.jsonl").toString(),
        "--out", tmp.resolve("o").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("vclip: error: cannot read captions file").contains("nope.jsonl");

    Files.writeString(tmp.resolve("bad.jsonl"), "{\"video_id\": \"a\", \"long_captions\": [\"x\"]}\n{\"video_id\": \"b\"}\n",
        StandardCharsets.UTF_8);
    Run bad = vclip("data", "pack", "--frames-dir", frames.toString(), "--captions", tmp.resolve("bad.jsonl").toString(),
        "--out", tmp.resolve("o").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.jsonl line 2").contains("\"long_captions\" is missing");

    Run quality = vclip("data", "pack", "--frames-dir", frames.toString(), "--captions", tmp.resolve("captions.jsonl").toString(),
        "--out", tmp.resolve("o").toString(), "--jpeg-quality", "0");
    assertThat(quality.exit()).isEqualTo(2);
    assertThat(quality.err()).contains("--jpeg-quality");

    assertThat(pack(frames, tmp.resolve("o2"), "1").exit()).isZero();
    Run mismatch = vclip("data", "pack", "--frames-dir", frames.toString(), "--captions",
        tmp.resolve("captions.jsonl").toString(), "--out", tmp.resolve("o2").toString(), "--frames", "8", "--png");
    assertThat(mismatch.exit()).isEqualTo(2);
    assertThat(mismatch.err()).contains("already holds a data set with 4 png frames");
  }
}
