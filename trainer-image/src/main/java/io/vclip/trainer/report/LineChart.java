package io.vclip.trainer.report;

import java.util.List;

/** Lines over a shared x axis (training steps, or K of Recall@K). */
public final class LineChart {
  /** One line: its name, colour, points, and whether to dash it (reference lines such as chance). */
  public record Series(String name, String colour, double[] xs, double[] ys, boolean dashed) {}

  public static String render(String title, String xLabel, String yLabel, List<Series> series) {
    double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double x : s.xs()) { xMin = Math.min(xMin, x); xMax = Math.max(xMax, x); }
      for (double y : s.ys()) if (Double.isFinite(y)) { yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
    }
    if (!Double.isFinite(xMin)) { xMin = 0; xMax = 1; yMin = 0; yMax = 1; }
    ChartFrame f = new ChartFrame(Math.min(0, yMin), yMax);
    Svg svg = f.start(title, yLabel);
    double span = xMax > xMin ? xMax - xMin : 1;
    for (Series s : series) {
      double[] px = new double[s.xs().length];
      double[] py = new double[s.ys().length];
      for (int i = 0; i < px.length; i++) {
        px[i] = ChartFrame.LEFT + (s.xs()[i] - xMin) / span * f.plotWidth();
        py[i] = f.y(Double.isFinite(s.ys()[i]) ? s.ys()[i] : f.yMin);
      }
      svg.polyline(px, py, s.colour(), s.dashed());
    }
    double base = ChartFrame.HEIGHT - ChartFrame.BOTTOM;
    svg.text(ChartFrame.LEFT, base + 14, "start", "#555", ChartFrame.format(xMin));
    svg.text(ChartFrame.WIDTH - ChartFrame.RIGHT, base + 14, "end", "#555", ChartFrame.format(xMax));
    svg.text((ChartFrame.LEFT + ChartFrame.WIDTH) / 2, base + 30, "middle", "#555", xLabel);
    Legend.draw(svg, series.stream().map(s -> new Legend.Entry(s.name(), s.colour(), s.dashed())).toList());
    return svg.close();
  }

  private LineChart() {}
}
