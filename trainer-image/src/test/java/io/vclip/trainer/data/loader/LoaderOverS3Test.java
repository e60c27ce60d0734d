package io.vclip.trainer.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.TestDataSets;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader streams shards from a real S3 server (S3Proxy over HTTP), two ranks at once. */
class LoaderOverS3Test {
  @Test
  void twoRanksReadTheirHalvesOverS3() {
    try (EmbeddedS3Server server = EmbeddedS3Server.inMemory();
         ObjectStore store = server.store("data", "sets/s3")) {
      TestDataSets.writeShards(store, 2, 8, 4, 5, 3);
      LoaderConfig config = new LoaderConfig(2, 2, 8, 8, 3, 11L, 2, 2);
      List<String> all = new ArrayList<>();
      for (int rank = 0; rank < 2; rank++) {
        try (VideoDataLoader loader = VideoDataLoader.open(store, config, rank, 2, LoaderPosition.START)) {
          assertThat(loader.batchesPerEpoch()).isEqualTo(3);
          for (int b = 0; b < 3; b++) all.addAll(loader.next().keys());
          assertThat(loader.skipReport().count()).isZero();
        }
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 12; i++) expected.add(TestDataSets.key(i));
      assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
