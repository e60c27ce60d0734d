package io.vclip.operator.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.operator.testing.Harness;
import io.vclip.operator.testing.TestCluster;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Committed checkpoints are read from a real S3 server (S3Proxy) with the keys of the training's Secret. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommittedCheckpointsTest {

  private S3Proxy s3;
  private String endpoint;
  private TestCluster cluster;

  @BeforeAll
  void start() throws Exception {
    s3 = S3Proxy.builder()
        .blobStore(BlobStores.create("transient", new Properties()))
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "vclip", "vclip-secret")
        .build();
    s3.start();
    while (!"STARTED".equals(s3.getState())) {
      Thread.sleep(20);
    }
    endpoint = "http://127.0.0.1:" + s3.getPort();
    try (MinioClient minio = MinioClient.builder().endpoint(endpoint).credentials("vclip", "vclip-secret").build()) {
      minio.makeBucket(MakeBucketArgs.builder().bucket("vclip").build());
      put(minio, "runs/ck/step-50/manifest.json");
      put(minio, "runs/ck/step-50/shard-0.safetensors");
      put(minio, "runs/ck/step-7/manifest.json");
      put(minio, "runs/ck/step-100/shard-0.safetensors"); // written, not committed: no manifest yet
      put(minio, "runs/ckother/step-900/manifest.json"); // another job
    }
    cluster = TestCluster.mock();
  }

  @AfterAll
  void stop() throws Exception {
    cluster.close();
    s3.stop();
  }

  @Test
  void newestStepWithAManifestIsTheCommittedCheckpoint() {
    try (Harness h = new Harness(cluster)) {
      VideoClipTraining training = h.quickstart("ck");
      training.getSpec().getCheckpoint().getStore().setEndpoint(endpoint);
      var latest = new CommittedCheckpoints(cluster.client()).latest(training).orElseThrow();
      assertThat(latest.getStep()).isEqualTo(50);
      assertThat(latest.getUri()).isEqualTo("s3://vclip/runs/ck/step-50/");
      assertThat(latest.getTime()).isNotNull();
    }
  }

  @Test
  void runningTrainingShowsItsLatestCheckpointBeforeAnyPodExits() {
    try (Harness h = new Harness(cluster)) {
      VideoClipTraining training = h.quickstart("ck");
      training.getSpec().getCheckpoint().getStore().setEndpoint(endpoint);
      h.create(training);
      h.reconcile("ck");
      h.runAll("ck");
      h.reconcile("ck");
      assertThat(h.training("ck").getStatus().getPhase()).isEqualTo(TrainingPhase.RUNNING);
      h.reconcile("ck");
      assertThat(h.training("ck").getStatus().getLastCheckpoint().getUri()).isEqualTo("s3://vclip/runs/ck/step-50/");
    }
  }

  @Test
  void unreachableStoreIsNoCheckpointNotAnError() {
    try (Harness h = new Harness(cluster)) {
      VideoClipTraining training = h.quickstart("ck");
      training.getSpec().getCheckpoint().getStore().setEndpoint("http://127.0.0.1:1");
      assertThat(new CommittedCheckpoints(cluster.client()).latest(training)).isEmpty();
    }
  }

  private static void put(MinioClient minio, String key) throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    minio.putObject(PutObjectArgs.builder().bucket("vclip").object(key)
        .stream(new ByteArrayInputStream(body), (long) body.length, -1L).build());
  }
}
