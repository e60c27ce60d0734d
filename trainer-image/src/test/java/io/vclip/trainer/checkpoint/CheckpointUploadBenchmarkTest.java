package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark runs end to end on a small parameter count and prints its figures (no timing asserted). */
class CheckpointUploadBenchmarkTest {

  @Test
  void printsRawAndWriterFigures() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = new CommandLine(new CheckpointUploadBenchmark(new PrintStream(buf, true, StandardCharsets.UTF_8)))
        .execute("--params", "20000", "--repeats", "1");
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("20,000 parameters").contains("0.000 GB").containsPattern("round 1: raw PUT [0-9.]+ s")
        .containsPattern("checkpoint writer [0-9.]+ s total").contains("training stalled");
  }
}
