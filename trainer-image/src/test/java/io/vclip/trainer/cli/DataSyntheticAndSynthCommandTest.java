package io.vclip.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.ShardReader;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSyntheticAndSynthCommandTest {
  @TempDir Path tmp;

  private int run(String... args) {
    var cli = VclipCommand.newCommandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  private static List<VideoSample> read(Path dir) {
    FileSystemObjectStore store = new FileSystemObjectStore(dir);
    ShardIndex index = ShardIndex.read(store);
    List<VideoSample> out = new ArrayList<>();
    for (var shard : index.shards()) {
      try (ShardReader r = new ShardReader(store, shard.name(), index.framesPerSample(), new SkipReport())) {
        r.forEachRemaining(out::add);
      }
    }
    return out;
  }

  @Test
  void syntheticWritesBothSplitsAndSynthAnnotatesACopy() {
    Path out = tmp.resolve("world");
    assertThat(run("data", "synthetic", "--videos", "12", "--held-out", "4", "--out", out.toString(),
        "--frames", "4", "--ranking-length", "3")).isZero();
    List<VideoSample> train = read(out.resolve("train"));
    assertThat(train).hasSize(12);
    assertThat(read(out.resolve("eval"))).hasSize(4);
    assertThat(train.get(0).frames()).hasSize(4);
    assertThat(train.get(0).captions().ddr()).hasSize(3);

    // Real-looking data has no rankings: synth adds them to a copy, frames and descriptions untouched.
    Path annotated = tmp.resolve("annotated");
    assertThat(run("data", "synth", "--in", out.resolve("train").toString(), "--out", annotated.toString(),
        "--length", "4")).isZero();
    List<VideoSample> copy = read(annotated);
    assertThat(copy).hasSize(12);
    for (int i = 0; i < copy.size(); i++) {
      assertThat(copy.get(i).key()).isEqualTo(train.get(i).key());
      assertThat(copy.get(i).captions().longCaptions()).isEqualTo(train.get(i).captions().longCaptions());
      List<String> ddr = copy.get(i).captions().ddr();
      assertThat(ddr.get(0)).isEqualTo(train.get(i).captions().longCaptions().get(0));
      assertThat(ddr.size()).isBetween(2, 4);
      assertThat(ddr).doesNotHaveDuplicates();
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    assertThat(run("data", "synth", "--in", tmp.resolve("nothing").toString(), "--out", tmp.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(run("data", "synthetic", "--videos", "0", "--out", tmp.toString())).isEqualTo(2);
  }
}
