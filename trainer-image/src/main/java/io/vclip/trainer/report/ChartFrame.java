package io.vclip.trainer.report;

import java.util.Locale;

/** The plot area of a chart: margins, axes, y grid with labels, and the value→pixel mapping. */
final class ChartFrame {
  static final int WIDTH = 560;
  static final int HEIGHT = 260;
  static final double LEFT = 52, RIGHT = 16, TOP = 26, BOTTOM = 40;

  final double yMin;
  final double yMax;

  ChartFrame(double yMin, double yMax) {
    this.yMin = yMin;
    this.yMax = yMax > yMin ? yMax : yMin + 1;
  }

  double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  double y(double value) {
    double t = (value - yMin) / (yMax - yMin);
    return TOP + (1 - t) * (HEIGHT - TOP - BOTTOM);
  }

  Svg start(String title, String yLabel) {
    Svg svg = new Svg(WIDTH, HEIGHT);
    svg.text(LEFT, 16, "start", "#222", title);
    for (int i = 0; i <= 4; i++) {
      double v = yMin + i * (yMax - yMin) / 4;
      double y = y(v);
      svg.line(LEFT, y, WIDTH - RIGHT, y, "#e3e3e3", 1);
      svg.text(LEFT - 6, y + 4, "end", "#555", format(v));
    }
    svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#888", 1);
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#888", 1);
    svg.text(12, TOP - 8, "start", "#555", yLabel);
    return svg;
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a < 0.01 || a >= 10000)) return String.format(Locale.ROOT, "%.2g", v);
    return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
