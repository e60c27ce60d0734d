package io.vclip.trainer.report;

import java.util.List;

/** A one-row legend in the top-right corner of a chart. */
final class Legend {
  record Entry(String name, String colour, boolean dashed) {}

  static void draw(Svg svg, List<Entry> entries) {
    double x = ChartFrame.WIDTH - ChartFrame.RIGHT;
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      double textWidth = 6.2 * e.name().length();
      svg.text(x, 16, "end", "#333", e.name());
      x -= textWidth + 4;
      svg.line(x - 14, 12, x, 12, e.colour(), e.dashed() ? 1.2 : 3);
      x -= 24;
    }
  }

  private Legend() {}
}
