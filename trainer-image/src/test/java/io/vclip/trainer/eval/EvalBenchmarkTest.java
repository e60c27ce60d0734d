package io.vclip.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.cli.VclipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code vclip eval bench} at a tiny size: it runs, prints every figure line, and its retrieval on
 * random features comes out at chance. No timing is asserted (docs/benchmarks.md holds the figures).
 */
class EvalBenchmarkTest {

  @Test
  void randomFeaturesRetrieveAtChanceThroughTheChunkedPath() {
    int n = 1500;
    RetrievalBenchmark.Result r = RetrievalBenchmark.features(n, 32, 100, 7);
    assertThat(r.bandBytes()).isEqualTo(100L * n * Float.BYTES);
    for (RetrievalMetrics m : new RetrievalMetrics[] {r.metrics().textToVideo(), r.metrics().videoToText()}) {
      assertThat(m.queries()).isEqualTo(n);
      // Binomial tail of 3e-7 (about 5σ) for the hits at 1 and 5 of n uniform ranks; the mean rank
      // within 5σ of (n+1)/2.
      assertThat(m.recallAt1()).isLessThanOrEqualTo(100.0 * ChanceBands.binomialUpper(n, 1.0 / n, 3e-7) / n);
      assertThat(m.recallAt5()).isLessThanOrEqualTo(100.0 * ChanceBands.binomialUpper(n, 5.0 / n, 3e-7) / n);
      assertThat(m.meanRank()).isBetween((n + 1) / 2.0 - 5 * ChanceBands.meanRankSigma(n),
          (n + 1) / 2.0 + 5 * ChanceBands.meanRankSigma(n));
    }
  }

  @Test
  void evalBenchPrintsThroughputRetrievalAndPromptedFigures() {
    StringWriter out = new StringWriter();
    CommandLine cli = VclipCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("eval", "bench", "--frames", "2", "--videos", "4", "--texts", "4", "--batch", "2",
        "--warmup", "1", "--retrieval-n", "300", "--dim", "16", "--chunk", "64", "--prompted-n", "12",
        "--prompted-chunk", "5");
    String text = out.toString();
    assertThat(code).as(text).isZero();
    assertThat(text).containsPattern("encode tiny, 2 frames × 32 px, batch 2, \\d+ cores: [\\d.]+ videos/s \\(4 clips in")
        .containsPattern("[\\d.]+ texts/s \\(4 captions in")
        .containsPattern("retrieval 300 × 300, random unit features D=16, chunk 64: [\\d.]+ s for both directions")
        .contains("peak chunk memory 0.2 MB (band of 64 × 300 floats, 0.1 MB")
        .containsPattern("prompted retrieval 12 × 12, tiny X-CLIP prompts, chunk 5: [\\d.]+ s")
        .containsPattern("text→video R@1 [\\d.]+% R@5 [\\d.]+% mean rank [\\d.]+; video→text R@1")
        .contains("chance R@1 0.333% R@5 1.667% mean rank 150.5");
  }

  @Test
  void aBadSizeIsOneClearError() {
    StringWriter err = new StringWriter();
    CommandLine cli = VclipCommand.newCommandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("eval", "bench", "--retrieval-n", "1");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("vclip: error: eval bench: --retrieval-n must be 0 (skip) or ≥ 2, got 1");
  }
}
