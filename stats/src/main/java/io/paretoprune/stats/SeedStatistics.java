package io.paretoprune.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Statistics across seeds from a suite's {@code summary.csv} table (columns {@code label, seed,
 * status} and numeric metrics): per label and metric the descriptives, and each label against a
 * baseline label with paired tests when both ran the same seeds (the seeds share initial weights),
 * unpaired tests otherwise; Holm across the comparisons of one metric and test.
 */
public final class SeedStatistics {
  /** The two result tables. */
  public record Result(Table aggregate, Table stats) {}

  private SeedStatistics() {}

  /**
   * @param baseline the label others are compared with; null compares every pair of labels
   */
  public static Result compute(Table summary, List<String> metrics, String baseline) {
    return compute(summary, metrics, Map.of(), baseline);
  }

  /**
   * @param ranges per metric the {lowest, highest} value it can take; its confidence intervals are
   *     cut to that range (metrics not named keep the plain t interval)
   * @param baseline the label others are compared with; null compares every pair of labels
   */
  public static Result compute(
      Table summary, List<String> metrics, Map<String, double[]> ranges, String baseline) {
    // Tablesaw's Row is a cursor that moves; keep row numbers, not Row objects.
    Map<String, Map<Long, Integer>> byLabel = new LinkedHashMap<>();
    Map<String, Integer> excluded = new TreeMap<>();
    for (int i = 0; i < summary.rowCount(); i++) {
      Row r = summary.row(i);
      String label = r.getString("label");
      byLabel.computeIfAbsent(label, k -> new TreeMap<>());
      if (r.getString("status").equals("completed")) {
        byLabel.get(label).put(r.getLong("seed"), i);
      } else {
        excluded.merge(label, 1, Integer::sum);
      }
    }
    Table aggregate =
        Table.create(
            "aggregate",
            StringColumn.create("label"),
            StringColumn.create("metric"),
            IntColumn.create("n"),
            DoubleColumn.create("mean"),
            DoubleColumn.create("sd"),
            DoubleColumn.create("ci_low"),
            DoubleColumn.create("ci_high"));
    for (String label : byLabel.keySet()) {
      for (String metric : metrics) {
        Descriptives d = Descriptives.of(values(summary, byLabel.get(label), metric, null));
        double[] range = ranges.get(metric);
        if (range != null) {
          d = d.within(range[0], range[1]);
        }
        aggregate.stringColumn("label").append(label);
        aggregate.stringColumn("metric").append(metric);
        aggregate.intColumn("n").append(d.n());
        aggregate.doubleColumn("mean").append(d.mean());
        aggregate.doubleColumn("sd").append(d.sd());
        aggregate.doubleColumn("ci_low").append(d.ciLow());
        aggregate.doubleColumn("ci_high").append(d.ciHigh());
      }
    }
    List<Comparison> all = new ArrayList<>();
    List<String> labels = new ArrayList<>(byLabel.keySet());
    for (String metric : metrics) {
      List<Comparison> family = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          String a = labels.get(i);
          String b = labels.get(j);
          if (baseline != null && !a.equals(baseline) && !b.equals(baseline)) {
            continue;
          }
          if (b.equals(baseline)) {
            String t = a;
            a = b;
            b = t;
          }
          family.addAll(compare(summary, metric, a, b, byLabel, excluded));
        }
      }
      all.addAll(holm(family));
    }
    return new Result(aggregate, table(all));
  }

  private static List<Comparison> compare(
      Table summary,
      String metric,
      String a,
      String b,
      Map<String, Map<Long, Integer>> byLabel,
      Map<String, Integer> excluded) {
    Map<Long, Integer> ra = byLabel.get(a);
    Map<Long, Integer> rb = byLabel.get(b);
    List<Comparison> out;
    if (ra.keySet().equals(rb.keySet())) {
      Set<Long> seeds = new LinkedHashSet<>(ra.keySet());
      out =
          SeedComparisons.paired(
              metric, a, b, values(summary, ra, metric, seeds), values(summary, rb, metric, seeds));
    } else {
      out =
          SeedComparisons.unpaired(
              metric, a, b, values(summary, ra, metric, null), values(summary, rb, metric, null));
    }
    int ex = excluded.getOrDefault(a, 0) + excluded.getOrDefault(b, 0);
    if (ex > 0) {
      out = out.stream().map(c -> c.withNote(ex + " diverged or failed run(s) left out")).toList();
    }
    return out;
  }

  private static List<Comparison> holm(List<Comparison> family) {
    Map<String, List<Integer>> byTest = new LinkedHashMap<>();
    for (int i = 0; i < family.size(); i++) {
      byTest.computeIfAbsent(family.get(i).test(), k -> new ArrayList<>()).add(i);
    }
    Comparison[] out = family.toArray(new Comparison[0]);
    for (List<Integer> idx : byTest.values()) {
      double[] p = idx.stream().mapToDouble(i -> family.get(i).p()).toArray();
      double[] adj = Holm.adjust(p);
      for (int k = 0; k < idx.size(); k++) {
        out[idx.get(k)] = out[idx.get(k)].withHolm(adj[k]);
      }
    }
    return List.of(out);
  }

  private static double[] values(
      Table summary, Map<Long, Integer> rows, String metric, Set<Long> seeds) {
    if (!summary.containsColumn(metric)) {
      return new double[0];
    }
    tech.tablesaw.api.NumericColumn<?> c = summary.numberColumn(metric);
    return (seeds == null ? rows.keySet() : seeds)
        .stream().map(rows::get).filter(i -> !c.isMissing(i)).mapToDouble(c::getDouble).toArray();
  }

  private static Table table(List<Comparison> rows) {
    Table t =
        Table.create(
            "stats",
            StringColumn.create("metric"),
            StringColumn.create("label_a"),
            StringColumn.create("label_b"),
            StringColumn.create("test"),
            IntColumn.create("n"),
            DoubleColumn.create("statistic"),
            DoubleColumn.create("p"),
            DoubleColumn.create("p_holm"),
            DoubleColumn.create("effect_size"),
            StringColumn.create("effect_name"),
            StringColumn.create("significant"),
            StringColumn.create("note"));
    for (Comparison c : rows) {
      t.stringColumn("metric").append(c.metric());
      t.stringColumn("label_a").append(c.labelA());
      t.stringColumn("label_b").append(c.labelB());
      t.stringColumn("test").append(c.test());
      t.intColumn("n").append(c.n());
      t.doubleColumn("statistic").append(c.statistic());
      t.doubleColumn("p").append(c.p());
      t.doubleColumn("p_holm").append(c.pHolm());
      t.doubleColumn("effect_size").append(c.effectSize());
      t.stringColumn("effect_name").append(c.effectName());
      t.stringColumn("significant")
          .append(
              Double.isNaN(c.pHolm()) ? "" : Boolean.toString(c.pHolm() < SeedComparisons.ALPHA));
      t.stringColumn("note").append(c.note());
    }
    return t;
  }
}
