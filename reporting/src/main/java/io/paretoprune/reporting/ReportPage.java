package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.stats.Descriptives;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** The report's HTML. Every string from a config or a CSV passes through {@link Html#esc}. */
final class ReportPage {
  private static final Map<String, String> CAPTIONS =
      Map.of(
          "accuracy",
              "Train (solid) and test (dotted) accuracy per epoch; line: mean over seeds, band: min to max.",
          "loss",
              "Train (solid) and test (dotted) value of the first objective (cross-entropy plus its conv L2 term).",
          "nonzeros",
              "Nonzero weights (kernel and bias) of each dense layer at the end of every epoch, mean over seeds; one line style per layer.",
          "weights",
              "Weight the multi-objective rule put on the complexity objective, mean over each epoch and over seeds (log scale). Fixed weightings show as flat lines.",
          "accuracy-vs-nonzeros", "Final test accuracy against the dense nonzeros of every run.",
          "pareto-objectives",
              "Weighted-sum Pareto search: test objectives of every weighting; grey points are dominated.",
          "pareto-accuracy", "The same search as test accuracy against dense nonzeros.");

  private final SuiteResults r;
  private final Palette palette;
  private final Map<String, String> figures;
  private final Instant when;

  ReportPage(SuiteResults r, Palette palette, Map<String, String> figures, Instant when) {
    this.r = r;
    this.palette = palette;
    this.figures = figures;
    this.when = when;
  }

  String html() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>")
        .append("<meta name=viewport content=\"width=device-width, initial-scale=1\">")
        .append("<title>ParetoPrune report: ")
        .append(Html.esc(r.suite()))
        .append("</title>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>\n");
    h.append("<h1>Suite <span class=suite>").append(Html.esc(r.suite())).append("</span></h1>\n");
    h.append("<p class=meta>")
        .append(Html.esc(describe()))
        .append(" · report written ")
        .append(Html.esc(when.toString()))
        .append("</p>\n");
    summary(h);
    h.append("<h2>Figures</h2>\n");
    for (String name : ReportWriter.figureOrder()) {
      String svg = figures.get(name);
      if (svg == null) {
        continue;
      }
      h.append("<figure id=\"fig-")
          .append(name)
          .append("\">")
          .append(svg)
          .append("<figcaption>")
          .append(Html.esc(caption(name)))
          .append(" <a href=\"figures/")
          .append(name)
          .append(".svg\">SVG</a></figcaption></figure>\n");
    }
    manifests(h);
    h.append("</body></html>\n");
    return h.toString();
  }

  private String caption(String name) {
    String c = CAPTIONS.getOrDefault(name, "");
    if (name.startsWith("pareto") && r.paretoInfo() != null) {
      JsonNode hv = r.paretoInfo().get("hypervolume");
      JsonNode ref = r.paretoInfo().get("reference");
      if (hv != null) {
        c +=
            " Hypervolume "
                + hv.asText()
                + (ref != null ? " with reference point " + ref : "")
                + ".";
      }
    }
    return c;
  }

  private String describe() {
    if (r.manifests().isEmpty()) {
      return r.summary().rowCount() + " runs";
    }
    JsonNode m = r.manifests().get(0);
    return m.path("dataset").asText()
        + " · "
        + m.path("model").asText()
        + " · "
        + m.path("epochs").asText()
        + " epochs · batch "
        + m.path("batchSize").asText()
        + " · pruning "
        + m.path("pruning").asText()
        + " · "
        + r.summary().rowCount()
        + " runs";
  }

  private void summary(StringBuilder h) {
    List<String> metrics =
        new ArrayList<>(List.of("test_accuracy", "dense_nonzeros", "dense_sparsity"));
    for (String c : r.summary().columnNames()) {
      if (c.startsWith("test_") && !metrics.contains(c)) {
        metrics.add(c);
      }
    }
    metrics.add("wall_seconds");
    h.append("<h2>Summary</h2>\n<table class=summary><thead><tr><th>optimizer</th><th>runs</th>");
    for (String m : metrics) {
      h.append("<th>").append(Html.esc(heading(m))).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    Set<String> notes = new LinkedHashSet<>();
    for (String label : r.labels()) {
      int done = 0;
      int other = 0;
      for (Row row : r.summary()) {
        if (row.getString("label").equals(label)) {
          if (row.getString("status").equals("completed")) {
            done++;
          } else {
            other++;
          }
        }
      }
      h.append("<tr><td><span class=swatch style=\"background:")
          .append(Palette.hex(palette.of(label)))
          .append("\"></span>")
          .append(Html.esc(label))
          .append("</td><td>")
          .append(done)
          .append(other > 0 ? " <span class=bad>(+" + other + " diverged/failed)</span>" : "")
          .append("</td>");
      for (String m : metrics) {
        Descriptives d = descriptives(label, m);
        boolean pct = m.equals("dense_sparsity");
        int digits =
            m.equals("test_accuracy")
                ? 4
                : m.startsWith("dense_nonzeros") || m.equals("wall_seconds") ? 0 : pct ? 2 : 4;
        double k = pct ? 100 : 1;
        h.append("<td>")
            .append(Html.ci(d.mean() * k, d.ciLow() * k, d.ciHigh() * k, digits))
            .append(mark(label, m, notes))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    if (isPaperSetting()) {
      h.append(
          "<tr class=paper><td>reference lines of the original code (targets it draws on every"
              + " plot, not a measured result of SMGD)</td><td></td><td>0.989</td>"
              + "<td>2,577 of 58,920 kernel weights (2,107 / 300 / 170)</td><td>95.6</td>");
      for (int i = 3; i < metrics.size(); i++) {
        h.append("<td></td>");
      }
      h.append("</tr>\n");
    }
    h.append(
        "</tbody></table>\n<p class=note>Mean over completed seeds with its 95% t confidence interval. ");
    h.append("† the difference to the baseline <b>")
        .append(Html.esc(r.labels().get(0)))
        .append("</b> is significant after Holm's correction (rank test, p &lt; 0.05).");
    for (String n : notes) {
      h.append("<br>* ").append(Html.esc(n));
    }
    h.append("</p>\n");
  }

  /** The label the statistics compared with: label_a of stats.csv, else the first label. */
  private String baseline() {
    Table s = r.stats();
    if (s != null && s.containsColumn("label_a") && s.rowCount() > 0) {
      return s.stringColumn("label_a").get(0);
    }
    return r.labels().get(0);
  }

  private boolean isPaperSetting() {
    return !r.manifests().isEmpty()
        && r.manifests().get(0).path("dataset").asText().equals("mnist")
        && r.manifests().get(0).path("model").asText().equals("lenet5");
  }

  private static String heading(String metric) {
    return switch (metric) {
      case "test_accuracy" -> "test accuracy";
      case "dense_nonzeros" -> "dense nonzeros";
      case "dense_sparsity" -> "dense sparsity %";
      case "wall_seconds" -> "wall time s";
      default -> metric.replace('_', ' ');
    };
  }

  private Descriptives descriptives(String label, String metric) {
    Table a = r.aggregate();
    if (a != null && a.containsColumn("metric")) {
      for (Row row : a) {
        if (row.getString("label").equals(label) && row.getString("metric").equals(metric)) {
          return new Descriptives(
              row.getInt("n"),
              num(row, "mean"),
              num(row, "sd"),
              num(row, "ci_low"),
              num(row, "ci_high"));
        }
      }
    }
    List<Double> v = new ArrayList<>();
    if (r.summary().containsColumn(metric)) {
      for (Row row : r.summary()) {
        if (row.getString("label").equals(label)
            && row.getString("status").equals("completed")
            && !row.isMissing(metric)) {
          v.add(row.getNumber(metric));
        }
      }
    }
    return Descriptives.of(v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double num(Row row, String c) {
    return row.isMissing(c) ? Double.NaN : row.getNumber(c);
  }

  /** † when the rank test against the baseline is significant; * with a note when it cannot be. */
  private String mark(String label, String metric, Set<String> notes) {
    Table s = r.stats();
    if (s == null || !s.containsColumn("label_b")) {
      return "";
    }
    for (Row row : s) {
      if (row.getString("label_b").equals(label)
          && row.getString("metric").equals(metric)
          && (row.getString("test").startsWith("wilcoxon")
              || row.getString("test").startsWith("mann"))) {
        if ("true".equals(row.getString("significant"))) {
          return " <span class=sig>†</span>";
        }
        String note = row.getString("note");
        if (note != null && !note.isEmpty()) {
          notes.add(
              row.getString("test")
                  + " "
                  + row.getString("label_a")
                  + " vs "
                  + label
                  + ": "
                  + note);
          return " <span class=sig>*</span>";
        }
      }
    }
    return "";
  }

  private void manifests(StringBuilder h) {
    h.append(
            "<h2>Runs</h2>\n<table class=runs><thead><tr><th>run</th><th>optimizer</th><th>seed</th>")
        .append(
            "<th>status</th><th>epochs</th><th>wall s</th><th>config</th><th>commit</th><th>versions</th></tr></thead><tbody>\n");
    for (JsonNode m : r.manifests()) {
      String status = m.path("status").asText();
      if (status.equals("diverged")) {
        status += " at epoch " + m.path("divergedAtEpoch").asText();
      }
      h.append("<tr><td>")
          .append(Html.esc(m.path("runId").asText()))
          .append("</td><td>")
          .append(Html.esc(m.path("label").asText()))
          .append("</td><td>")
          .append(Html.esc(m.path("seed").asText()))
          .append("</td><td>")
          .append(Html.esc(status))
          .append("</td><td>")
          .append(Html.esc(m.path("epochs").asText()))
          .append("</td><td>")
          .append(Html.num(m.path("wallSeconds").asDouble(), 1))
          .append("</td><td><code>")
          .append(Html.esc(prefix(m.path("configHash").asText())))
          .append("</code></td><td><code>")
          .append(Html.esc(prefix(m.path("gitCommit").asText())))
          .append("</code></td><td>")
          .append(Html.esc(m.path("versions").toString()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static String prefix(String s) {
    return s.length() > 10 ? s.substring(0, 10) : s;
  }

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1360px;margin:2em auto;padding:0 1em;color:#222}
      h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
      .meta,.note{color:#555;font-size:.9em}
      table{border-collapse:collapse;font-size:.9em}th,td{padding:.3em .7em;border-bottom:1px solid #eee;text-align:right}
      th:first-child,td:first-child{text-align:left}thead th{border-bottom:2px solid #999}
      .ci{color:#777;font-size:.85em}.sig{color:#b00}.bad{color:#b00}.paper td{color:#555;font-style:italic}
      .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border-radius:2px}
      figure{display:inline-block;margin:1em 1em 1em 0;width:640px;vertical-align:top}
      figure svg{width:640px;height:400px}figcaption{font-size:.85em;color:#444}
      table.runs td{font-size:.85em}code{font-size:.9em}
      """;
}
