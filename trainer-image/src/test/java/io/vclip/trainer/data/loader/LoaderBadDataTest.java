package io.vclip.trainer.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.data.shard.CorruptSampleTest;
import io.vclip.trainer.data.shard.ShardEntry;
import io.vclip.trainer.data.shard.ShardIndex;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.storage.FileSystemObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt samples, a truncated shard and a missing shard cost their samples, never the run. */
class LoaderBadDataTest {
  @TempDir Path tmp;

  @Test
  void badSamplesAreSkippedReportedAndTheEpochStaysFull() throws Exception {
    var store = new FileSystemObjectStore(tmp);
    TestDataSets.writeShards(store, 2, 8, 6);
    ShardIndex good = ShardIndex.read(store);
    store.put("shard-000001.tar", CorruptSampleTest.shardWithEveryFault(true));
    // shard-000002.tar is listed but does not exist.
    new ShardIndex(good.format(), 2, good.frameFormat(), List.of(good.shards().get(0),
        new ShardEntry("shard-000001.tar", 8, 0, "good0", "good7"),
        new ShardEntry("shard-000002.tar", 4, 0, "x", "y"))).write(store);

    List<String> keys = new ArrayList<>();
    SkipReport skips;
    try (VideoDataLoader loader = VideoDataLoader.open(store, new LoaderConfig(2, 2, 8, 8, 4, 3L, 2, 1), 0, 1,
        LoaderPosition.START)) {
      assertThat(loader.batchesPerEpoch()).isEqualTo(9);
      for (int b = 0; b < 9; b++) keys.addAll(loader.next().keys());
      skips = loader.skipReport();
      assertThat(loader.position()).isEqualTo(new LoaderPosition(1, 0, 0, 0));
    }
    List<String> readable = new ArrayList<>(List.of("good0", "good5", "good6"));
    for (int i = 0; i < 6; i++) readable.add(TestDataSets.key(i));
    assertThat(keys).hasSize(18).isSubsetOf(readable).containsAll(readable);
    assertThat(skips.skipped()).extracting(SkipReport.Skipped::key)
        .contains("badjpeg", "nojson", "threeframes", "nocaption", "good7", "#0", "#3");
    assertThat(skips.skipped()).filteredOn(s -> s.source().equals("shard-000002.tar")).hasSize(4)
        .allSatisfy(s -> assertThat(s.reason()).contains("could not be opened"));
    assertThat(skips.count()).isEqualTo(9);
  }
}
