package io.vclip.trainer.distributed.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.distributed.WorkerGroup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The rank-0 store over real sockets. */
class KeyValueStoreTest {

  @Test
  void aWaitingGetReturnsOnceAnotherClientSetsTheKey() throws Exception {
    try (KeyValueStoreServer server = KeyValueStoreServer.start(0);
        KeyValueStoreClient a = KeyValueStoreClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(5), "rank 0");
        KeyValueStoreClient b = KeyValueStoreClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(5), "rank 1")) {
      CompletableFuture<byte[]> pending = CompletableFuture.supplyAsync(() -> a.get("addr/1", Duration.ofSeconds(10)));
      b.set("addr/1", "10.0.0.2:4000".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(pending.get(), StandardCharsets.UTF_8)).isEqualTo("10.0.0.2:4000");
      assertThat(a.awaitKeys(List.of("addr/1", "addr/2"), Duration.ofMillis(200))).containsExactly("addr/2");
    }
  }

  @Test
  void runsAreNamespacedSoARestartedGroupNeverReadsStaleKeys() throws Exception {
    try (KeyValueStoreServer server = KeyValueStoreServer.start(0);
        KeyValueStoreClient client = KeyValueStoreClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(5), "rank 0")) {
      KeyValueStore oldRun = client.namespaced("vclip/run-1/");
      KeyValueStore newRun = client.namespaced("vclip/run-2/");
      oldRun.set("0", new byte[] {1});
      assertThat(newRun.awaitKeys(List.of("0"), Duration.ofMillis(100))).containsExactly("0");
      assertThatThrownBy(() -> newRun.get("0", Duration.ofMillis(100)))
          .isInstanceOf(RendezvousException.class).hasMessageContaining("key 'vclip/run-2/0' did not appear");
      assertThat(oldRun.get("0", Duration.ofMillis(100))).containsExactly(1);
    }
  }

  @Test
  void anUnreachableMasterIsNamedWithItsAddress() throws Exception {
    int port = WorkerGroup.freePort();
    assertThatThrownBy(() -> KeyValueStoreClient.connect("127.0.0.1", port, Duration.ofSeconds(1), "rank 1"))
        .isInstanceOf(RendezvousException.class)
        .hasMessageStartingWith("rank 1: could not reach MASTER_ADDR=127.0.0.1:" + port + " within 1s");
  }
}
