package io.vclip.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ObjectiveCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = VclipCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void benchPrintsItsFigures() {
    int code = run("objective", "bench", "--batch", "4", "--dim", "8", "--warmup", "0", "--iterations", "1");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("objective step (B=4, D=8, m=4, tpcm=adaptive, 1 iterations after 0 warm-up)")
        .containsPattern("[0-9.]+ ms forward\\+backward; PCE fit on the JVM [0-9.]+ ms; mean k kept [1-3]\\.[0-9]");
  }

  @Test
  void benchRejectsAnUnknownTpcmModeInOneLine() {
    int code = run("objective", "bench", "--tpcm", "greedy");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("vclip: error: --tpcm must be adaptive or fixed, got greedy" + System.lineSeparator());
  }
}
