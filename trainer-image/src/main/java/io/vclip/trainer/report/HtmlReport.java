package io.vclip.trainer.report;

import io.vclip.trainer.eval.EvalResults;
import io.vclip.trainer.eval.RankingScores;
import io.vclip.trainer.eval.RecallCurve;
import io.vclip.trainer.eval.RetrievalMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched) with the evaluation
 * tables, a bar chart of the LVDR subsets, retrieval curves and the training loss curves.
 */
public final class HtmlReport {
  private static final String[] PALETTE = {"#2e86de", "#e67e22", "#27ae60", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d"};

  private final StringBuilder body = new StringBuilder();

  public static void write(Path file, String title, EvalResults results, TrainingCurves curves) throws IOException {
    HtmlReport r = new HtmlReport();
    r.body.append("<h1>").append(Svg.escape(title)).append("</h1>");
    r.body.append("<p class=meta>checkpoint <code>").append(Svg.escape(String.valueOf(results.checkpoint())))
        .append("</code> · ").append(Svg.escape(String.valueOf(results.createdAt()))).append("</p>");
    if (results.retrieval() != null) r.retrieval(results.retrieval());
    if (results.lvdr() != null && !results.lvdr().isEmpty()) r.lvdr(results.lvdr());
    r.rankingTable(results.ddr(), results.hdr());
    if (curves != null && !curves.points().isEmpty()) r.training(curves);
    if (results.cost() != null) r.cost(results.cost());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, r.page(title), StandardCharsets.UTF_8);
  }

  private void retrieval(EvalResults.Retrieval ret) {
    body.append("<h2>Text ↔ video retrieval (").append(ret.pairs()).append(" pairs)</h2>");
    body.append("<table><tr><th></th><th>R@1</th><th>R@5</th><th>R@10</th><th>median rank</th><th>mean rank</th></tr>");
    row("text → video", ret.textToVideo());
    row("video → text", ret.videoToText());
    row("chance", ret.chance());
    body.append("</table>");
    List<LineChart.Series> lines = new ArrayList<>();
    lines.add(curve("text → video", PALETTE[0], ret.textToVideoCurve()));
    lines.add(curve("video → text", PALETTE[1], ret.videoToTextCurve()));
    int k = ret.textToVideoCurve() == null ? 10 : ret.textToVideoCurve().recallAtK().length;
    double[] xs = new double[k];
    double[] ys = new double[k];
    for (int i = 0; i < k; i++) { xs[i] = i + 1; ys[i] = 100.0 * (i + 1) / ret.pairs(); }
    lines.add(new LineChart.Series("chance", "#999", xs, ys, true));
    lines.removeIf(s -> s == null);
    body.append("<figure>").append(LineChart.render("Recall@K", "K", "recall %", lines)).append("</figure>");
  }

  private static LineChart.Series curve(String name, String colour, RecallCurve c) {
    if (c == null) return null;
    double[] xs = new double[c.recallAtK().length];
    for (int i = 0; i < xs.length; i++) xs[i] = i + 1;
    return new LineChart.Series(name, colour, xs, c.recallAtK(), false);
  }

  private void row(String name, RetrievalMetrics m) {
    body.append(String.format(Locale.ROOT,
        "<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>",
        name, m.recallAt1(), m.recallAt5(), m.recallAt10(), m.medianRank(), m.meanRank()));
  }

  private void lvdr(Map<String, RankingScores> subsets) {
    body.append("<h2>LVDR-style ranking</h2><p>Each item: p descriptions of rising hallucination, to be ranked by similarity.</p>");
    body.append("<table><tr><th>subset p×q</th><th>items</th><th>fully correct</th><th>pair accuracy</th></tr>");
    List<String> names = new ArrayList<>(subsets.keySet());
    double[] full = new double[names.size()];
    double[] pairs = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      RankingScores s = subsets.get(names.get(i));
      full[i] = 100 * s.fullyCorrect();
      pairs[i] = 100 * s.pairAccuracy();
      body.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f %%</td><td>%.1f %%</td></tr>",
          names.get(i), s.items(), full[i], pairs[i]));
    }
    body.append("</table>");
    body.append("<figure>").append(BarChart.render("LVDR per subset", "%", names.stream().toList(),
        List.of(new BarChart.Series("fully correct", PALETTE[0], full),
            new BarChart.Series("pair accuracy", PALETTE[2], pairs)), 100, 50.0)).append("</figure>");
  }

  private void rankingTable(RankingScores ddr, RankingScores hdr) {
    if (ddr == null && hdr == null) return;
    body.append("<h2>Held-out DDR / HDR ranking</h2><table><tr><th></th><th>items</th><th>fully correct</th><th>pair accuracy</th></tr>");
    for (var e : new Object[][] {{"DDR (less detail)", ddr}, {"HDR (more hallucination)", hdr}}) {
      RankingScores s = (RankingScores) e[1];
      if (s == null) continue;
      body.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f %%</td><td>%.1f %%</td></tr>",
          e[0], s.items(), 100 * s.fullyCorrect(), 100 * s.pairAccuracy()));
    }
    body.append("</table>");
  }

  private void training(TrainingCurves curves) {
    body.append("<h2>Training</h2>");
    List<LineChart.Series> lines = new ArrayList<>();
    List<String> parts = curves.parts();
    for (int p = 0; p < parts.size(); p++) {
      String part = parts.get(p);
      List<TrainingCurves.Point> pts = curves.points().stream().filter(x -> x.loss().containsKey(part)).toList();
      double[] xs = pts.stream().mapToDouble(TrainingCurves.Point::step).toArray();
      double[] ys = pts.stream().mapToDouble(x -> x.loss().get(part)).toArray();
      lines.add(new LineChart.Series(part, PALETTE[p % PALETTE.length], xs, ys, false));
    }
    body.append("<figure>").append(LineChart.render("Loss parts", "step", "loss", lines)).append("</figure>");
    double[] xs = curves.points().stream().mapToDouble(TrainingCurves.Point::step).toArray();
    double[] sps = curves.points().stream().mapToDouble(TrainingCurves.Point::samplesPerSecond).toArray();
    body.append("<figure>").append(LineChart.render("Throughput", "step", "samples/s",
        List.of(new LineChart.Series("samples/s", PALETTE[3], xs, sps, false)))).append("</figure>");
  }

  private void cost(EvalResults.Cost c) {
    body.append(String.format(Locale.ROOT,
        "<h2>Cost</h2><table><tr><td>encoding</td><td>%.1f s (%.1f videos/s, %.1f texts/s)</td></tr>"
            + "<tr><td>pairwise scoring</td><td>%.2f s, %d prompted text–video pairs</td></tr></table>",
        c.encodeSeconds(), c.videosPerSecond(), c.textsPerSecond(), c.similaritySeconds(), c.promptedPairs()));
  }

  private String page(String title) {
    return "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + Svg.escape(title) + "</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#222;padding:0 1em}"
        + "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border-bottom:1px solid #ddd;padding:4px 12px;text-align:right}"
        + "td:first-child,th:first-child{text-align:left}.meta{color:#666}figure{margin:0 0 1.5em}"
        + "</style></head><body>" + body + "</body></html>";
  }
}
