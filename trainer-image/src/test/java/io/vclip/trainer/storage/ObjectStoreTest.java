package io.vclip.trainer.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same behaviour from a local folder and from a real S3 server (S3Proxy over HTTP). */
class ObjectStoreTest {
  static EmbeddedS3Server server;
  @TempDir static Path tmp;

  @BeforeAll
  static void startServer() {
    server = EmbeddedS3Server.filesystem(tmp.resolve("s3"), 0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static Stream<ObjectStore> stores() {
    return Stream.of(new FileSystemObjectStore(tmp.resolve("local")), server.store("bucket", "runs/a"));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void putGetListSizeDelete(ObjectStore store) throws Exception {
    try (store) {
      store.put("x/one.bin", new byte[] {1, 2, 3});
      store.put("x/two.bin", new byte[] {4});
      store.put("y/three.bin", new byte[0]);
      assertThat(store.get("x/one.bin")).containsExactly(1, 2, 3);
      assertThat(store.size("x/two.bin")).contains(1L);
      assertThat(store.size("x/missing.bin")).isEmpty();
      assertThat(store.list("x/")).extracting(ObjectInfo::key).containsExactly("x/one.bin", "x/two.bin");
      store.delete("x/one.bin");
      assertThat(store.exists("x/one.bin")).isFalse();
      assertThatThrownBy(() -> store.get("nope")).isInstanceOf(ObjectStoreException.class).hasMessageContaining("nope");
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void largeFileUploadRoundTrips(ObjectStore store) throws Exception {
    // Larger than one multipart part, so the S3 path really uploads in parts.
    byte[] data = new byte[(int) MinioObjectStore.PART_SIZE + 12345];
    new Random(1).nextBytes(data);
    Path f = Files.write(Files.createTempFile(tmp, "big", ".bin"), data);
    try (store) {
      store.put("big.bin", f);
      assertThat(store.get("big.bin")).isEqualTo(data);
    }
  }

  @org.junit.jupiter.api.Test
  void s3SettingsNameMissingVariables() {
    assertThatThrownBy(() -> S3Settings.fromEnv(Map.of(S3Settings.ENV_ACCESS_KEY, "a"), null))
        .hasMessageContaining(S3Settings.ENV_ENDPOINT)
        .hasMessageContaining(S3Settings.ENV_SECRET_KEY)
        .hasMessageNotContaining(S3Settings.ENV_ACCESS_KEY);
    assertThat(S3Uri.parse("s3://b/p/q/").resolve("step-1/manifest.json").toString())
        .isEqualTo("s3://b/p/q/step-1/manifest.json");
    assertThatThrownBy(() -> S3Uri.parse("s3:///x")).hasMessageContaining("no bucket");
  }

  @org.junit.jupiter.api.Test
  void unreachableEndpointFailsNamingIt() {
    S3Settings dead = new S3Settings("http://127.0.0.1:1", "a", "b", null);
    try (ObjectStore store = new MinioObjectStore(dead, S3Uri.parse("s3://bucket/p"))) {
      assertThatThrownBy(() -> store.put("k", new byte[1]))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("127.0.0.1:1")
          .hasMessageContaining("s3://bucket/p");
    }
  }
}
