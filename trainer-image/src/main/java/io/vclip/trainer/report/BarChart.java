package io.vclip.trainer.report;

import java.util.List;

/** Grouped bars: one group per category (e.g. an LVDR subset), one bar per series, optional chance line. */
public final class BarChart {
  /** One bar series: its name, colour and one value per category. */
  public record Series(String name, String colour, double[] values) {}

  public static String render(String title, String yLabel, List<String> categories, List<Series> series,
      double yMax, Double chance) {
    ChartFrame f = new ChartFrame(0, yMax);
    Svg svg = f.start(title, yLabel);
    double groupWidth = f.plotWidth() / Math.max(1, categories.size());
    double barWidth = groupWidth * 0.7 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double x0 = ChartFrame.LEFT + c * groupWidth + groupWidth * 0.15;
      for (int s = 0; s < series.size(); s++) {
        double v = series.get(s).values()[c];
        double top = f.y(Math.min(v, yMax));
        svg.rect(x0 + s * barWidth, top, barWidth - 2, f.y(0) - top, series.get(s).colour(),
            series.get(s).name() + " " + categories.get(c) + ": " + ChartFrame.format(v));
      }
      svg.text(x0 + groupWidth * 0.35, ChartFrame.HEIGHT - ChartFrame.BOTTOM + 16, "middle", "#333", categories.get(c));
    }
    if (chance != null) {
      svg.line(ChartFrame.LEFT, f.y(chance), ChartFrame.WIDTH - ChartFrame.RIGHT, f.y(chance), "#c0392b", 1.2);
      svg.text(ChartFrame.WIDTH - ChartFrame.RIGHT, f.y(chance) - 4, "end", "#c0392b", "chance");
    }
    Legend.draw(svg, series.stream().map(s -> new Legend.Entry(s.name(), s.colour(), false)).toList());
    return svg.close();
  }

  private BarChart() {}
}
