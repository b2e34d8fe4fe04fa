package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.stats.MetricSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;

/** "Pareto search": what was searched, its figures and the table of every evaluated weighting. */
final class ParetoSection {
  private ParetoSection() {}

  static void append(StringBuilder h, ParetoResults pareto, FigureHtml figures) {
    MetricSpec m = pareto.metric();
    h.append("<h2>Pareto search</h2>\n<p class=note>")
        .append(Html.esc(SearchSentences.describe(pareto)))
        .append(". ");
    long front = pareto.points().stream().filter(q -> !q.dominated()).count();
    h.append(front)
        .append(" of ")
        .append(pareto.points().size())
        .append(" weightings on the front");
    String hv = SearchSentences.hypervolume(pareto);
    if (!hv.isEmpty()) {
      h.append("; hypervolume ").append(Html.esc(hv));
    }
    h.append(". ").append(Html.esc(SearchSentences.knee(pareto)));
    ParetoResults.Point k = pareto.usedKnee();
    if (k != null && k.bars() != null) {
      h.append(" The knee (c2 = ")
          .append(Html.esc(Axes.plain(k.c2())))
          .append(") over ")
          .append(pareto.seedsPerWeighting())
          .append(" seeds, mean (95% t interval): test ")
          .append(Html.esc(m.label()))
          .append(" ")
          .append(withInterval(k.value(), k.bars().value(), false))
          .append(" at ")
          .append(withInterval(k.nonzeros(), k.bars().nonzeros(), true))
          .append(" dense nonzeros.");
    }
    JsonNode retrained = pareto.info() == null ? null : pareto.info().path("retrained");
    JsonNode mean = retrained == null ? null : retrained.path("point").path("payload");
    if (pareto.knee() != null
        && pareto.seedsPerWeighting() > 1
        && mean.path(m.testColumn()).isNumber()) {
      // Retrained once per seed: their mean and interval (pareto.json), not one seed's run.
      JsonNode ci = retrained.path("interval");
      h.append(" The knee was retrained for ")
          .append(ParetoFigures.epochs(pareto.knee().epochs().rowCount()))
          .append(" once per seed, mean (95% t interval) over ")
          .append(pareto.seedsPerWeighting())
          .append(" seeds: test ")
          .append(Html.esc(m.label()))
          .append(" ")
          .append(
              withInterval(mean.path(m.testColumn()).asDouble(), ci(ci, m.testColumn()), false));
      if (mean.path("dense_nonzeros").isNumber()) {
        h.append(", ")
            .append(
                withInterval(
                    mean.path("dense_nonzeros").asDouble(), ci(ci, "dense_nonzeros"), true))
            .append(" dense nonzeros");
      }
      h.append(".");
    } else if (pareto.knee() != null) {
      Table e = pareto.knee().epochs();
      h.append(" The knee was retrained for ").append(ParetoFigures.epochs(e.rowCount()));
      if (e.rowCount() > 0 && e.containsColumn(m.testColumn())) {
        h.append(": test ")
            .append(Html.esc(m.label()))
            .append(" ")
            .append(Html.num(e.numberColumn(m.testColumn()).getDouble(e.rowCount() - 1), 4));
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
    figures.append(h, ReportFigure.Section.PARETO);
    h.append(
            "<h3>Evaluated weightings</h3>\n<table class=points><thead><tr><th>order</th><th>c1</th>"
                + "<th>c2</th><th>f1 (test)</th><th>f2 (test)</th><th>")
        .append(Html.esc("test " + m.label()))
        .append(
            "</th><th>dense nonzeros</th><th>dense sparsity %</th><th>front</th><th>knee</th>"
                + "</tr></thead><tbody>\n");
    double size = pareto.denseSize();
    ParetoResults.Point used = pareto.usedKnee();
    List<ParetoResults.Point> sorted = new ArrayList<>(pareto.points());
    sorted.sort(Comparator.comparingDouble(ParetoResults.Point::c2));
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
          .append(Html.esc(Html.sig(q.f2())))
          .append("</td><td>")
          .append(withInterval(q.value(), q.bars() == null ? null : q.bars().value(), false))
          .append("</td><td>")
          .append(withInterval(q.nonzeros(), q.bars() == null ? null : q.bars().nonzeros(), true))
          .append("</td><td>")
          .append(Html.num(100 * (1 - q.nonzeros() / size), 2))
          .append("</td><td>")
          .append(q.dominated() ? "" : "yes")
          .append("</td><td>")
          .append(Html.esc(String.join(", ", knees)))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n<p class=note>Sorted by c2; f1, f2, ")
        .append(Html.esc(m.label()))
        .append(" and nonzeros are")
        .append(" those of each weighting's last epoch on the test split")
        .append(
            pareto.seedsPerWeighting() > 1
                ? ", means over its "
                    + pareto.seedsPerWeighting()
                    + " seeds with the 95% t interval in brackets"
                : "")
        .append(".</p>\n");
  }

  /** {ciLow, ciHigh} of {@code name} in pareto.json's intervals; null when it has none. */
  private static double[] ci(JsonNode intervals, String name) {
    JsonNode d = intervals.path(name);
    return d.isObject()
        ? new double[] {d.path("ciLow").asDouble(Double.NaN), d.path("ciHigh").asDouble(Double.NaN)}
        : null;
  }

  /** "0.9770" or "0.9770 (0.9700–0.9840)"; a count as a plain number; "–" when NaN. */
  private static String withInterval(double v, double[] ci, boolean count) {
    if (Double.isNaN(v)) {
      return "–";
    }
    String s = count ? Html.esc(Axes.plain(v)) : Html.num(v, 4);
    if (ci == null || !Double.isFinite(ci[0]) || !Double.isFinite(ci[1])) {
      return s;
    }
    return s
        + " ("
        + (count ? Html.esc(Axes.plain(ci[0])) : Html.num(ci[0], 4))
        + "–"
        + (count ? Html.esc(Axes.plain(ci[1])) : Html.num(ci[1], 4))
        + ")";
  }
}
