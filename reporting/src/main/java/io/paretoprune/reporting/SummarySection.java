package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.stats.Descriptives;
import io.paretoprune.stats.MetricRanges;
import io.paretoprune.stats.MetricSpec;
import io.paretoprune.stats.SeedIntervals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The suite's results table: per optimizer the mean and 95% t interval of each metric
 * (aggregate.csv, else computed from summary.csv by {@link SeedIntervals}), the rank test's verdict
 * against the first optimizer, and the original code's reference row where there is one.
 */
final class SummarySection {
  private final SuiteResults r;
  private final Palette palette;
  private final MetricSpec metric;
  private final SeedIntervals intervals;

  SummarySection(SuiteResults r, Palette palette) {
    this.r = r;
    this.palette = palette;
    this.metric = r.metric();
    this.intervals =
        new SeedIntervals(
            r.aggregate(), r.summary(), MetricRanges.of(r.task().metrics(), r.testSplits()));
  }

  void append(StringBuilder h) {
    List<String> metrics =
        new ArrayList<>(List.of(metric.testColumn(), "dense_nonzeros", "dense_sparsity"));
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
        Descriptives d = intervals.of(label, m);
        boolean pct = m.equals("dense_sparsity");
        int digits = m.startsWith("dense_nonzeros") || m.equals("wall_seconds") ? 0 : pct ? 2 : 4;
        double k = pct ? 100 : 1;
        h.append("<td>")
            .append(Html.ci(d.mean() * k, d.ciLow() * k, d.ciHigh() * k, digits))
            .append(mark(label, m, notes))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    OriginalReference ref = reference();
    if (ref != null) {
      h.append("<tr class=paper><td>").append(Html.esc(ref.what())).append("</td>");
      h.append(ref.cells());
      for (int i = 3; i < metrics.size(); i++) {
        h.append("<td></td>");
      }
      h.append("</tr>\n");
    }
    h.append(
        "</tbody></table>\n<p class=note>Mean over completed seeds with its 95% t confidence interval. ");
    h.append(Html.esc(splitsSentence(metrics)));
    h.append("† the difference to the baseline <b>")
        .append(Html.esc(r.labels().get(0)))
        .append("</b> is significant after Holm's correction (rank test, p &lt; 0.05).");
    for (String n : notes) {
      h.append("<br>* ").append(Html.esc(n));
    }
    h.append("</p>\n");
  }

  /** The original code's reference row for the suite's data set, model and metric, or null. */
  private OriginalReference reference() {
    if (r.manifests().isEmpty()) {
      return null;
    }
    JsonNode m = r.manifests().get(0);
    return OriginalReference.of(
        m.path("dataset").asText(), m.path("model").asText(), metric.name());
  }

  /**
   * Which test splits the columns are on and which way their metrics are better, when there is more
   * than the test split or a metric is lower-is-better (nothing for an accuracy suite).
   */
  private String splitsSentence(List<String> columns) {
    StringBuilder s = new StringBuilder();
    List<String> splits = r.testSplits();
    if (!splits.isEmpty()) {
      s.append("\"test\" is the data set's test split; ")
          .append(String.join(", ", splits))
          .append(splits.size() == 1 ? " is a further one" : " are further ones")
          .append(". ");
    }
    List<String> lower = new ArrayList<>();
    for (MetricSpec m : r.task().metrics()) {
      boolean shown = columns.stream().anyMatch(c -> c.equals(m.testColumn()));
      if (shown && !m.higherIsBetter()) {
        lower.add(m.label());
      }
    }
    if (!lower.isEmpty()) {
      String list = String.join(", ", lower);
      s.append(Character.toUpperCase(list.charAt(0)))
          .append(list.substring(1))
          .append(": lower is better. ");
    }
    return s.toString();
  }

  private String heading(String column) {
    for (MetricSpec m : r.task().metrics()) {
      if (column.equals(m.testColumn())) {
        return "test " + m.label();
      }
      for (String split : r.testSplits()) {
        if (column.equals(m.testColumn(split))) {
          return split + " " + m.label();
        }
      }
    }
    return switch (column) {
      case "dense_nonzeros" -> "dense nonzeros";
      case "dense_sparsity" -> "dense sparsity %";
      case "wall_seconds" -> "wall time s";
      default -> column.replace('_', ' ');
    };
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
}
