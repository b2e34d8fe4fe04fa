package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.stats.Descriptives;
import io.paretoprune.stats.MetricRanges;
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
          "landing",
              "Test accuracy against dense nonzeros (log scale): the weighted-sum front as a line through its points not dominated in (1 - accuracy, nonzeros); each optimizer's seeds as small points, their mean as a square with 95% t intervals on both axes.",
          "pareto-objectives",
              "Every evaluated weighting's test objectives (log scales), coloured by its c2 (grey: c2 = 0); filled points are non-dominated, hollow ones dominated; the line joins the front.",
          "pareto-accuracy",
              "The same weightings as test accuracy against dense nonzeros (log scale), coloured by c2; the line joins the front of the search (non-dominated in f1, f2).",
          "knee-accuracy",
              "The retrained knee: train (solid) and test (dotted) accuracy per epoch.",
          "knee-nonzeros", "The retrained knee: nonzero dense weights at the end of every epoch.");

  private final SuiteResults r;
  private final ParetoResults pareto;
  private final Landing landing;
  private final Palette palette;
  private final Map<String, String> figures;
  private final Instant when;

  /** {@code r} or {@code pareto} may be null (not both); {@code landing} may be null. */
  ReportPage(
      SuiteResults r,
      ParetoResults pareto,
      Landing landing,
      Palette palette,
      Map<String, String> figures,
      Instant when) {
    this.r = r;
    this.pareto = pareto;
    this.landing = landing;
    this.palette = palette;
    this.figures = figures;
    this.when = when;
  }

  String html() {
    StringBuilder h = new StringBuilder();
    String name = r != null ? r.suite() : pareto.name();
    h.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>")
        .append("<meta name=viewport content=\"width=device-width, initial-scale=1\">")
        .append("<title>ParetoPrune report: ")
        .append(Html.esc(name))
        .append("</title>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>\n");
    h.append(r != null ? "<h1>Suite <span class=suite>" : "<h1>Pareto search <span class=suite>")
        .append(Html.esc(name))
        .append("</span></h1>\n");
    h.append("<p class=meta>")
        .append(Html.esc(r != null ? describe() : describePareto()))
        .append(" · report written ")
        .append(Html.esc(when.toString()))
        .append("</p>\n");
    if (r != null) {
      summary(h);
      h.append("<h2>Figures</h2>\n");
      for (String f : ReportWriter.figureOrder()) {
        if (!f.equals("landing") && !f.startsWith("pareto") && !f.startsWith("knee")) {
          figure(h, f);
        }
      }
    }
    if (landing != null) {
      landing(h);
    }
    if (pareto != null) {
      pareto(h);
    }
    if (r != null) {
      manifests(h, r.manifests(), "Runs");
    }
    if (pareto != null) {
      List<JsonNode> runs = new ArrayList<>(pareto.manifests());
      if (pareto.knee() != null) {
        runs.add(pareto.knee().manifest());
      }
      manifests(h, runs, r != null ? "Runs of the Pareto search" : "Runs");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private void figure(StringBuilder h, String name) {
    String svg = figures.get(name);
    if (svg == null) {
      return;
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

  private String caption(String name) {
    String c = CAPTIONS.getOrDefault(name, "");
    if (name.startsWith("pareto") && pareto != null) {
      c += " " + kneeSentence();
      String hv = hypervolume();
      if (!hv.isEmpty()) {
        c += " Hypervolume " + hv + ".";
      }
    }
    if (name.equals("pareto-accuracy") || name.equals("landing")) {
      c +=
          " Weightings whose test accuracy is below half the best one's collapsed (chance level)"
              + " and are drawn as triangles on the axis' lower edge.";
    }
    if (name.equals("landing")) {
      Front f = landing.front();
      c += " Front: " + f.source();
      if (f.epochs() > 0) {
        c += ", each weighting trained " + ParetoFigures.epochs(f.epochs());
      }
      c += ".";
      if (f.knee() != null) {
        c += " Circle: its knee (" + f.knee().name() + ", " + f.kneeRule() + ").";
      }
      if (f.retrainedKnee() != null) {
        c += " Diamond: the knee retrained (" + f.retrainedKnee().name() + ").";
      }
    }
    return c;
  }

  private String kneeSentence() {
    if (pareto.points().stream().noneMatch(q -> q.kneeChord() || q.kneePaper())) {
      return "The search marked no knee (its front has too few points).";
    }
    String rule = pareto.kneeRule();
    if (rule == null) {
      return "Knees: ring, chord rule; square, paper rule (the results do not say which the search"
          + " used).";
    }
    return "Ring: the knee by the "
        + rule
        + " rule, which the search used ("
        + pareto.kneeRuleSource()
        + "); square: the knee by the other rule, where it differs.";
  }

  /** "1775 with reference point (f1, f2) = (2.532, 4088)", or "" without pareto.json. */
  private String hypervolume() {
    JsonNode info = pareto.info();
    if (info == null || !info.hasNonNull("hypervolume")) {
      return "";
    }
    String s = sig(info.get("hypervolume").asDouble());
    JsonNode ref = info.get("reference");
    if (ref != null && ref.isArray() && ref.size() == 2) {
      s +=
          " with reference point (f1, f2) = ("
              + sig(ref.get(0).asDouble())
              + ", "
              + sig(ref.get(1).asDouble())
              + ")";
    }
    return s;
  }

  private String describePareto() {
    JsonNode info = pareto.info();
    StringBuilder b = new StringBuilder();
    String search = info != null && info.hasNonNull("search") ? info.get("search").asText() : "";
    if (!search.isEmpty()) {
      b.append(search).append(" search · ");
    }
    if (!pareto.manifests().isEmpty()) {
      JsonNode m = pareto.manifests().get(0);
      b.append(m.path("dataset").asText())
          .append(" · ")
          .append(m.path("model").asText())
          .append(" · batch ")
          .append(m.path("batchSize").asText())
          .append(" · pruning ")
          .append(m.path("pruning").asText())
          .append(" · ");
    }
    int epochs = pareto.searchEpochs();
    b.append(pareto.points().size()).append(" weightings");
    if (epochs > 0) {
      b.append(" of ").append(epochs).append(epochs == 1 ? " epoch each" : " epochs each");
    }
    return b.toString();
  }

  private void pareto(StringBuilder h) {
    h.append("<h2>Pareto search</h2>\n<p class=note>")
        .append(Html.esc(describePareto()))
        .append(". ");
    JsonNode info = pareto.info();
    long front = pareto.points().stream().filter(q -> !q.dominated()).count();
    h.append(front)
        .append(" of ")
        .append(pareto.points().size())
        .append(" weightings on the front");
    String hv = hypervolume();
    if (!hv.isEmpty()) {
      h.append("; hypervolume ").append(Html.esc(hv));
    }
    h.append(". ").append(Html.esc(kneeSentence()));
    if (pareto.knee() != null) {
      Table e = pareto.knee().epochs();
      h.append(" The knee was retrained for ").append(ParetoFigures.epochs(e.rowCount()));
      if (e.rowCount() > 0 && e.containsColumn("test_accuracy")) {
        h.append(": test accuracy ")
            .append(Html.num(e.numberColumn("test_accuracy").getDouble(e.rowCount() - 1), 4));
        if (e.containsColumn("dense_nonzeros")) {
          h.append(", ")
              .append(
                  Html.esc(
                      Axes.plain(e.numberColumn("dense_nonzeros").getDouble(e.rowCount() - 1))))
              .append(" dense nonzeros");
        }
      }
      h.append(".");
    } else {
      h.append(" The knee was not retrained.");
    }
    h.append("</p>\n");
    for (String f :
        List.of("pareto-objectives", "pareto-accuracy", "knee-accuracy", "knee-nonzeros")) {
      figure(h, f);
    }
    h.append(
        "<h3>Evaluated weightings</h3>\n<table class=points><thead><tr><th>order</th><th>c1</th>"
            + "<th>c2</th><th>f1 (test)</th><th>f2 (test)</th><th>test accuracy</th>"
            + "<th>dense nonzeros</th><th>dense sparsity %</th><th>front</th><th>knee</th>"
            + "</tr></thead><tbody>\n");
    double size = pareto.denseSize();
    ParetoResults.Point used = pareto.usedKnee();
    List<ParetoResults.Point> sorted = new ArrayList<>(pareto.points());
    sorted.sort(java.util.Comparator.comparingDouble(ParetoResults.Point::c2));
    for (ParetoResults.Point q : sorted) {
      List<String> knees = new ArrayList<>();
      if (q.kneeChord()) {
        knees.add("chord" + (q.equals(used) && pareto.kneeRule() != null ? " (used)" : ""));
      }
      if (q.kneePaper()) {
        knees.add("paper" + (q.equals(used) && "paper".equals(pareto.kneeRule()) ? " (used)" : ""));
      }
      h.append("<tr><td>")
          .append(q.order())
          .append("</td><td>")
          .append(Html.esc(Axes.plain(q.c1())))
          .append("</td><td>")
          .append(Html.esc(Axes.plain(q.c2())))
          .append("</td><td>")
          .append(Html.num(q.f1(), 4))
          .append("</td><td>")
          .append(Html.esc(sig(q.f2())))
          .append("</td><td>")
          .append(Html.num(q.accuracy(), 4))
          .append("</td><td>")
          .append(Double.isNaN(q.nonzeros()) ? "–" : Html.esc(Axes.plain(q.nonzeros())))
          .append("</td><td>")
          .append(Html.num(100 * (1 - q.nonzeros() / size), 2))
          .append("</td><td>")
          .append(q.dominated() ? "" : "yes")
          .append("</td><td>")
          .append(Html.esc(String.join(", ", knees)))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n<p class=note>Sorted by c2; f1, f2, accuracy and nonzeros are")
        .append(" those of each weighting's last epoch on the test split.</p>\n");
  }

  private static String sig(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }

  private void landing(StringBuilder h) {
    Front f = landing.front();
    h.append("<h2>Where each method lands</h2>\n");
    figure(h, "landing");
    h.append(
        "<table class=landing><thead><tr><th>optimizer</th><th>seeds</th><th>test accuracy</th>"
            + "<th>dense nonzeros</th><th>hypervolume contribution</th>"
            + "<th>distance to the front (pp)</th><th>distance to the knee (pp)</th>"
            + "<th>accuracy − knee's (pp)</th><th>dense sparsity %</th>"
            + "</tr></thead><tbody>\n");
    for (Landing.Place p : landing.rows()) {
      h.append("<tr><td><span class=swatch style=\"background:")
          .append(Palette.hex(palette.of(p.label())))
          .append("\"></span>")
          .append(Html.esc(p.label()))
          .append("</td><td>")
          .append(p.seeds().size())
          .append("</td><td>")
          .append(Html.ci(p.accuracy().mean(), p.accuracy().ciLow(), p.accuracy().ciHigh(), 4))
          .append("</td><td>")
          .append(Html.ci(p.nonzeros().mean(), p.nonzeros().ciLow(), p.nonzeros().ciHigh(), 0))
          .append("</td><td>")
          .append(Html.esc(sig(p.hvContribution())))
          .append("</td><td>")
          .append(Html.num(100 * p.frontDistance(), 2))
          .append(p.dominated() ? " <span class=ci>behind</span>" : " <span class=ci>ahead</span>")
          .append("</td><td>")
          .append(Html.num(100 * p.kneeDistance(), 2))
          .append("</td><td>")
          .append(Html.num(100 * landing.accuracyMinusKnee(p), 2))
          .append("</td><td>")
          .append(Html.num(100 * landing.sparsity(p), 2))
          .append("</td></tr>\n");
    }
    Front.Pt k = landing.kneeTarget();
    h.append("</tbody></table>\n<p class=note>Mean over completed seeds with its 95% t")
        .append(" confidence interval. Measured in (x, y) = (dense nonzeros / ")
        .append(Html.esc(Axes.plain(landing.scale())))
        .append(", 1 - test accuracy), both minimised: the fraction of dense weights kept and the")
        .append(" error rate. <b>Hypervolume contribution</b>: the area the front dominates with")
        .append(" the optimizer's mean added, minus the area it dominates alone, with reference")
        .append(" point (1, 1) (every dense weight kept, accuracy 0); 0 when the front dominates")
        .append(" the mean. <b>Distance to the front</b>: to the line through the front's")
        .append(" non-dominated points, in percentage points of that space (1 = one point of")
        .append(" accuracy or 1% of the dense weights), positive (behind) when a front point")
        .append(" dominates the mean, negative (ahead) otherwise. <b>Dense sparsity</b>: 1 minus")
        .append(" mean nonzeros over the dense size. <b>Distance to the knee</b>:")
        .append(" to ");
    if (k == null) {
      h.append("the knee; the front has none, so none is given.");
    } else {
      h.append(f.retrainedKnee() != null ? "the retrained knee (" : "the front's knee (")
          .append(Html.esc(k.name()))
          .append(", test accuracy ")
          .append(Html.num(k.accuracy(), 4))
          .append(", ")
          .append(Html.esc(Axes.plain(k.nonzeros())))
          .append(" dense nonzeros), in the same units; <b>accuracy − knee's</b>: the mean test")
          .append(" accuracy minus the knee's, in points.");
    }
    h.append(" Front: ").append(Html.esc(f.source()));
    if (f.epochs() > 0) {
      h.append(", weightings trained ").append(ParetoFigures.epochs(f.epochs()));
    }
    h.append(". The numbers are also in <code>landing.csv</code> beside this page.</p>\n");
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
    // Cut as aggregate.csv's are, so a folder without that row shows the same interval.
    return MetricRanges.cut(
        metric, Descriptives.of(v.stream().mapToDouble(Double::doubleValue).toArray()));
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

  private void manifests(StringBuilder h, List<JsonNode> manifests, String title) {
    if (manifests.isEmpty()) {
      return;
    }
    h.append("<h2>")
        .append(Html.esc(title))
        .append("</h2>\n<table class=runs><thead><tr><th>run</th><th>optimizer</th><th>seed</th>")
        .append(
            "<th>status</th><th>epochs</th><th>wall s</th><th>config</th><th>commit</th><th>versions</th></tr></thead><tbody>\n");
    for (JsonNode m : manifests) {
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
      table.runs td{font-size:.85em}h3{font-size:1.05em}code{font-size:.9em}
      """;
}
