package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.vclip.trainer.storage.EmbeddedS3Server;
import io.vclip.trainer.storage.MinioObjectStore;
import io.vclip.trainer.storage.S3Uri;
import io.vclip.trainer.telemetry.MetricNames;
import io.vclip.trainer.telemetry.Telemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server goes away while a checkpoint uploads: the writer retries, counts the errors, training
 * keeps working, and the checkpoint commits once the same server is back on the same port.
 */
class AsyncCheckpointWriterTest {
  @TempDir Path tmp;

  long metricSum(InMemoryMetricReader reader, String name) {
    return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getLongSumData().getPoints().stream()).mapToLong(p -> p.getValue()).sum();
  }

  @Test
  void s3OutageIsRetriedWhileTrainingGoesOn() throws Exception {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    Path s3Dir = tmp.resolve("s3");
    EmbeddedS3Server server = EmbeddedS3Server.filesystem(s3Dir, 0);
    int port = server.port();
    server.store("ckpt", "").close(); // creates the bucket
    RetryPolicy fast = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 10_000);
    try (Telemetry telemetry = Telemetry.of(SdkMeterProvider.builder().registerMetricReader(reader).build());
        MinioObjectStore s3 = new MinioObjectStore(server.settings(), new S3Uri("ckpt", "runs"));
        AsyncCheckpointWriter writer = new AsyncCheckpointWriter(s3, "job-b", 3, tmp.resolve("snapshots"),
            Barrier.NONE, telemetry.metrics(), fast)) {

      CheckpointStoreTest.FullState first = CheckpointStoreTest.FullState.at(10);
      writer.submit(10, 0, 1, first.forRank(10, 0, 1), new TrainingProgress(3.0, 40));
      assertThat(writer.awaitIdle(Duration.ofSeconds(60))).isTrue();
      assertThat(writer.lastCommitted().orElseThrow().step()).isEqualTo(10);
      long bytesAfterFirst = metricSum(reader, MetricNames.CHECKPOINT_BYTES);
      assertThat(bytesAfterFirst).isEqualTo(writer.lastCommitted().get().totalBytes());
      assertThat(metricSum(reader, MetricNames.S3_ERRORS)).isZero();

      server.close();
      CheckpointStoreTest.FullState second = CheckpointStoreTest.FullState.at(20);
      writer.submit(20, 0, 1, second.forRank(20, 0, 1), new TrainingProgress(2.0, 41));
      // The snapshot is taken: the "training loop" may now change its state, and keeps working while
      // the upload fails and retries in the background.
      long work = 0;
      long errors = 0;
      while (errors < 3) {
        work += trainingStep(work);
        assertThat(writer.idle()).as("upload must still be pending while S3 is down").isFalse();
        errors = metricSum(reader, MetricNames.S3_ERRORS);
      }
      assertThat(work).isPositive();
      assertThat(writer.lastCommitted().orElseThrow().step()).isEqualTo(10);
      try (var snapshots = Files.list(tmp.resolve("snapshots"))) {
        assertThat(snapshots.count()).as("one snapshot file waits for upload").isEqualTo(1);
      }

      server = EmbeddedS3Server.filesystem(s3Dir, port);
      assertThat(writer.awaitIdle(Duration.ofSeconds(120))).isTrue();
      assertThat(writer.lastFailure()).isEmpty();
      assertThat(writer.lastCommitted().orElseThrow().step()).isEqualTo(20);
      assertThat(metricSum(reader, MetricNames.S3_ERRORS)).isGreaterThanOrEqualTo(3);
      assertThat(metricSum(reader, MetricNames.CHECKPOINT_BYTES)).isGreaterThan(bytesAfterFirst);
      assertThat(writer.store().latest().orElseThrow().step()).isEqualTo(20);
      RestoredCheckpoint back = writer.store().restore(writer.store().latest().get(), 0, 1);
      assertThat(back.optimizer().vector("m")).containsExactly(second.m());
      try (var snapshots = Files.list(tmp.resolve("snapshots"))) {
        assertThat(snapshots.count()).as("snapshot files are removed after upload").isZero();
      }
      MetricData duration = reader.collectAllMetrics().stream()
          .filter(m -> m.getName().equals(MetricNames.CHECKPOINT_DURATION_SECONDS)).findFirst().orElseThrow();
      assertThat(duration.getHistogramData().getPoints().iterator().next().getCount()).isEqualTo(2);
    } finally {
      server.close();
    }
  }

  /** Stand-in for a training step: some arithmetic whose result is used, so it is not optimised away. */
  static long trainingStep(long seed) {
    double acc = seed;
    for (int i = 0; i < 10_000; i++) acc = Math.sin(acc) + i * 1e-6;
    return acc > 10 ? 2 : 1;
  }
}
