package io.vclip.trainer.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr: bar, counts, rate, ETA, and an optional note (e.g. "3 skipped").
 * On a terminal it redraws one line in place; in a log (a pod, CI) it prints a plain line every
 * {@link #LOG_INTERVAL_NANOS} instead, since carriage returns turn logs into one endless line.
 * Thread-safe: workers may advance it.
 */
public final class ProgressBar implements AutoCloseable {
  static final long REDRAW_INTERVAL_NANOS = 200_000_000L;
  static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
  private static final int BAR_WIDTH = 24;

  private final String label;
  private final String unit;
  private final long total;
  private final PrintStream out;
  private final boolean interactive;
  private final LongSupplier clock;
  private final long startNanos;
  private long done;
  private String note = "";
  private long lastDrawNanos = Long.MIN_VALUE;
  private boolean closed;

  /**
   * @param total the expected count, or 0 when unknown (then no bar and no ETA)
   * @param unit what is counted, plural ("samples", "steps")
   */
  public ProgressBar(String label, long total, String unit, PrintStream out, boolean interactive, LongSupplier clock) {
    this.label = label;
    this.total = Math.max(0, total);
    this.unit = unit;
    this.out = out;
    this.interactive = interactive;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
  }

  /** On stderr, redrawing in place when stderr is a terminal. */
  public static ProgressBar onStderr(String label, long total, String unit) {
    return new ProgressBar(label, total, unit, System.err, System.console() != null, System::nanoTime);
  }

  public synchronized void advance(long n) {
    done += n;
    maybeDraw();
  }

  public synchronized void note(String text) {
    note = text == null ? "" : text;
  }

  public synchronized long done() {
    return done;
  }

  private void maybeDraw() {
    long now = clock.getAsLong();
    long interval = interactive ? REDRAW_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    if (lastDrawNanos == Long.MIN_VALUE || now - lastDrawNanos >= interval) {
      lastDrawNanos = now;
      draw(now);
    }
  }

  private void draw(long now) {
    String line = render(label, done, total, unit, (now - startNanos) / 1e9, note);
    if (interactive) {
      out.print("\r" + line + "\u001b[K");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** The text of one progress line; pure, so it is tested without a terminal or a clock. */
  static String render(String label, long done, long total, String unit, double elapsedSeconds, String note) {
    double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    StringBuilder sb = new StringBuilder(label).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
      sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
          .append(done).append('/').append(total).append(' ').append(unit)
          .append(String.format(Locale.ROOT, " %5.1f%%", 100.0 * done / total));
    } else {
      sb.append(done).append(' ').append(unit);
    }
    sb.append(String.format(Locale.ROOT, "  %.1f %s/s", rate, unit));
    sb.append("  elapsed ").append(clockTime(elapsedSeconds));
    if (total > 0 && done < total) {
      sb.append("  ETA ").append(rate > 0 ? clockTime((total - done) / rate) : "?");
    }
    if (!note.isEmpty()) {
      sb.append("  (").append(note).append(')');
    }
    return sb.toString();
  }

  static String clockTime(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Draws the final state and ends the line. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    draw(clock.getAsLong());
    if (interactive) out.println();
    out.flush();
  }
}
