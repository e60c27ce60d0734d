package io.vclip.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loss parts per step, as rank 0 logs them to {@code metrics.jsonl} (one JSON object a line),
 * read back for the report's loss curves. Lines that do not parse (a line cut short by a crash) are
 * skipped: the curves are a view, never a reason to fail a report.
 */
public final class TrainingCurves {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One logged step.
   *
   * @param seconds where the step's time went on rank 0, by phase (data_wait, forward, backward,
   *     collectives, optimizer); empty in logs written before phases were logged
   */
  public record Point(long step, Map<String, Double> loss, double samplesPerSecond, double learningRate,
      Map<String, Double> seconds) {
    public Point {
      seconds = seconds == null ? Map.of() : Map.copyOf(seconds);
    }

    public Point(long step, Map<String, Double> loss, double samplesPerSecond, double learningRate) {
      this(step, loss, samplesPerSecond, learningRate, Map.of());
    }
  }

  private final List<Point> points;

  public TrainingCurves(List<Point> points) {
    this.points = List.copyOf(points);
  }

  public List<Point> points() {
    return points;
  }

  /** Appends one point to a JSONL log (creating it), flushing so a crash loses at most this line. */
  public static void append(Path log, Point p) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(JSON.writeValueAsString(p));
      w.newLine();
    }
  }

  public static TrainingCurves read(Path log) throws IOException {
    List<Point> out = new ArrayList<>();
    if (!Files.exists(log)) return new TrainingCurves(out);
    // A resumed run logs some steps twice; the later line wins.
    TreeMap<Long, Point> byStep = new TreeMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      try {
        Point p = JSON.readValue(line, Point.class);
        byStep.put(p.step(), p);
      } catch (IOException malformed) {
        // skipped on purpose: see the class comment
      }
    }
    out.addAll(byStep.values());
    return new TrainingCurves(out);
  }

  /** The names of the loss parts that were logged, in first-seen order. */
  public List<String> parts() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (Point p : points) names.addAll(p.loss().keySet());
    return List.copyOf(names);
  }
}
