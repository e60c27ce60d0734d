package io.vclip.trainer.report;

import java.util.Locale;

/** The few SVG primitives the charts draw with; escapes text so captions cannot break the page. */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  Svg(int width, int height) {
    out.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
            + "font-family=\"system-ui,sans-serif\" font-size=\"11\">", width, height, width, height));
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    out.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
        x1, y1, x2, y2, stroke, width));
    return this;
  }

  Svg rect(double x, double y, double w, double h, String fill, String title) {
    out.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
        x, y, w, h, fill, escape(title)));
    return this;
  }

  Svg polyline(double[] xs, double[] ys, String stroke, boolean dashed) {
    out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.8\"");
    if (dashed) out.append(" stroke-dasharray=\"5,4\"");
    out.append(" points=\"");
    for (int i = 0; i < xs.length; i++) {
      out.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
    }
    out.append("\"/>");
    return this;
  }

  Svg text(double x, double y, String anchor, String fill, String text) {
    out.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>", x, y, anchor, fill, escape(text)));
    return this;
  }

  String close() {
    return out.append("</svg>").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
