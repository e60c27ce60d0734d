package io.vclip.trainer.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void rendersBarCountsRateAndEta() {
    String line = ProgressBar.render("pack", 25, 100, "videos", 10.0, "2 skipped");
    assertThat(line).isEqualTo("pack [######------------------] 25/100 videos  25.0%  2.5 videos/s  elapsed 0:10"
        + "  ETA 0:30  (2 skipped)");
    assertThat(ProgressBar.render("steps", 7, 0, "steps", 2.0, "")).isEqualTo("steps 7 steps  3.5 steps/s  elapsed 0:02");
    assertThat(ProgressBar.clockTime(3725)).isEqualTo("1:02:05");
  }

  @Test
  void logModePrintsWholeLinesAtMostEveryInterval() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressBar bar = new ProgressBar("load", 10, "items", out, false, now::get)) {
      bar.advance(1); // first advance draws
      now.addAndGet(ProgressBar.LOG_INTERVAL_NANOS / 2);
      bar.advance(1); // too soon
      now.addAndGet(ProgressBar.LOG_INTERVAL_NANOS);
      bar.advance(8);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).contains("1/10 items");
    assertThat(lines[1]).contains("10/10 items").doesNotContain("ETA");
    assertThat(lines[2]).contains("10/10 items");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
  }

  @Test
  void terminalModeRedrawsInPlace() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar("x", 2, "items", new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
        now::get)) {
      bar.advance(1);
      now.addAndGet(ProgressBar.REDRAW_INTERVAL_NANOS);
      bar.advance(1);
    }
    String s = bytes.toString(StandardCharsets.UTF_8);
    assertThat(s).startsWith("\rx [").endsWith("\n").contains("2/2 items");
    assertThat(s.chars().filter(c -> c == '\r').count()).isEqualTo(3);
  }
}
