package io.vclip.trainer.data.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameCodec;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad sample is skipped and reported with its key; the good ones still come through. */
public class CorruptSampleTest {
  @TempDir Path tmp;

  static final int T = 2;

  private static byte[] frame(int sample, int t) {
    return FrameCodec.encode(TestDataSets.solid(TestDataSets.colour(sample, t), 8, 8), FrameFormat.jpeg(0.9f));
  }

  private static byte[] json(int sample) {
    return ("{\"video_id\":\"video-" + sample + "\",\"long_captions\":[\"long " + sample
        + "\"],\"short_captions\":[\"short\"]}").getBytes(StandardCharsets.UTF_8);
  }

  static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  /** good0, badjpeg, nojson, threeframes, nocaption, good5, then a truncated tail (good6, good7). */
  public static byte[] shardWithEveryFault(boolean truncate) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      add(tar, "good0.f000.jpg", frame(0, 0));
      add(tar, "good0.f001.jpg", frame(0, 1));
      add(tar, "good0.json", json(0));
      add(tar, "badjpeg.f000.jpg", frame(1, 0));
      add(tar, "badjpeg.f001.jpg", "definitely not a jpeg".getBytes(StandardCharsets.UTF_8));
      add(tar, "badjpeg.json", json(1));
      add(tar, "nojson.f000.jpg", frame(2, 0));
      add(tar, "nojson.f001.jpg", frame(2, 1));
      add(tar, "threeframes.f000.jpg", frame(3, 0));
      add(tar, "threeframes.f001.jpg", frame(3, 1));
      add(tar, "threeframes.f002.jpg", frame(3, 2));
      add(tar, "threeframes.json", json(3));
      add(tar, "nocaption.f000.jpg", frame(4, 0));
      add(tar, "nocaption.f001.jpg", frame(4, 1));
      add(tar, "nocaption.json", "{\"video_id\":\"x\",\"long_captions\":[]}".getBytes(StandardCharsets.UTF_8));
      add(tar, "good5.f000.jpg", frame(5, 0));
      add(tar, "good5.f001.jpg", frame(5, 1));
      add(tar, "good5.json", json(5));
      add(tar, "good6.f000.jpg", frame(6, 0));
      add(tar, "good6.f001.jpg", frame(6, 1));
      add(tar, "good6.json", json(6));
      add(tar, "good7.f000.jpg", new byte[4000]);
      add(tar, "good7.f001.jpg", frame(7, 1));
      add(tar, "good7.json", json(7));
    }
    byte[] all = bytes.toByteArray();
    // Cut inside good7's first frame (4000 bytes of data that a reader expects in full).
    return truncate ? Arrays.copyOf(all, indexOf(all, "good7.f000.jpg") + 512 + 1000) : all;
  }

  private static int indexOf(byte[] data, String s) {
    byte[] needle = s.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
      return i;
    }
    throw new AssertionError(s);
  }

  @Test
  void everyFaultIsSkippedAndReportedWithItsKey() throws IOException {
    var store = new FileSystemObjectStore(tmp);
    store.put("shard-000000.tar", shardWithEveryFault(true));
    SkipReport skips = new SkipReport();
    List<String> good = new ArrayList<>();
    try (ShardReader r = new ShardReader(store, "shard-000000.tar", T, skips)) {
      r.forEachRemaining(s -> good.add(s.key()));
    }
    assertThat(good).containsExactly("good0", "good5", "good6");
    assertThat(skips.skipped()).extracting(SkipReport.Skipped::key)
        .containsExactly("badjpeg", "nojson", "threeframes", "nocaption", "good7");
    assertThat(skips.skipped()).extracting(SkipReport.Skipped::reason).satisfiesExactly(
        r -> assertThat(r).contains("badjpeg.f001.jpg"),
        r -> assertThat(r).contains("missing nojson.json"),
        r -> assertThat(r).contains("has 3 frames, expected 2"),
        r -> assertThat(r).contains("no long caption"),
        r -> assertThat(r).contains("shard broken off"));
    assertThat(skips.skipped()).allSatisfy(s -> assertThat(s.source()).isEqualTo("shard-000000.tar"));
    assertThat(skips.summary()).startsWith("5 samples skipped: shard-000000.tar:badjpeg");
  }

  @Test
  void decodedGoodSampleKeepsItsCaptions() throws IOException {
    var store = new FileSystemObjectStore(tmp);
    store.put("s.tar", shardWithEveryFault(false));
    try (ShardReader r = new ShardReader(store, "s.tar", T, new SkipReport())) {
      VideoSample first = r.next();
      assertThat(first.captions().videoId()).isEqualTo("video-0");
      assertThat(first.captions().longCaptions()).containsExactly("long 0");
      assertThat(first.frames()).hasSize(T);
    }
  }
}
