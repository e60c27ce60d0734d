package io.vclip.trainer.run;

import io.vclip.trainer.progress.ProgressBar;
import io.vclip.trainer.report.TrainingCurves;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns rank 0's metrics log into the progress bar of {@code vclip run}: step, loss, samples/s and
 * (from the bar) ETA. A background thread polls the file; the trainer never talks to the launcher.
 */
final class MetricsFollower implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;

  MetricsFollower(Path metricsLog, ProgressBar bar) {
    thread = new Thread(() -> follow(metricsLog, bar), "vclip-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow(Path log, ProgressBar bar) {
    long shown = 0;
    while (running) {
      try {
        List<TrainingCurves.Point> points = TrainingCurves.read(log).points();
        if (!points.isEmpty()) {
          TrainingCurves.Point last = points.get(points.size() - 1);
          // A restarted group resumes behind the last logged step: the bar follows the step, not the line count.
          if (last.step() > shown) bar.advance(last.step() - shown);
          shown = Math.max(shown, last.step());
          bar.note(String.format(Locale.ROOT, "loss %.4f  %.1f samples/s", last.loss().getOrDefault("total", Double.NaN),
              last.samplesPerSecond()));
        }
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // a half-written log line: the next poll reads it whole
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(2000);
  }
}
