package io.paretoprune.experiments.stats;

import io.paretoprune.core.plugin.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Statistics across seeds of a {@code summary.csv}-shaped table.
 *
 * <p>For every metric: descriptives of every label's completed runs ({@code aggregate}); then each
 * comparison (every label against the baseline, or every pair of labels when there is no baseline)
 * with a rank test and a t-test, paired by seed when both labels ran the same seeds ({@link
 * Comparison}); Holm's correction over the comparisons of one metric, separately for the rank tests
 * and the t-tests; {@code significant} is {@code p_holm < alpha}, left empty when no test ran.
 *
 * <pre>{@code
 * SeedStatisticsResult r = SeedStatistics.builder()
 *     .setMetrics(List.of("test_accuracy", "dense_nonzeros"))
 *     .optBaseline("sgd-l1")
 *     .build()
 *     .analyze(Table.read().csv("results/suite/summary.csv"));
 * StatisticsCsv.write(r, Path.of("results/suite"));
 * }</pre>
 */
public final class SeedStatistics {
  private final List<String> metrics;
  private final String baseline;
  private final double alpha;
  private final double confidence;

  private SeedStatistics(Builder b) {
    this.metrics = List.copyOf(b.metrics);
    this.baseline = b.baseline;
    this.alpha = b.alpha;
    this.confidence = b.confidence;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shortcut with alpha 0.05 and 95% intervals; {@code baseline} may be null (all pairs). */
  public static SeedStatisticsResult analyze(Table summary, List<String> metrics, String baseline) {
    return builder().setMetrics(metrics).optBaseline(baseline).build().analyze(summary);
  }

  /**
   * Both tables for {@code summary}.
   *
   * @throws SummaryFormatException if a column is missing or not numeric, or a run appears twice
   * @throws ConfigException if the baseline is not a label of the table
   */
  public SeedStatisticsResult analyze(Table summary) {
    SummaryTable s = SummaryTable.of(summary);
    metrics.forEach(s::requireMetric);
    List<String> labels = s.labels();
    if (baseline != null && !s.hasLabel(baseline)) {
      throw new ConfigException(
          "baseline",
          "label '"
              + baseline
              + "' is not in the summary (labels: "
              + String.join(", ", labels)
              + ")");
    }
    return new SeedStatisticsResult(aggregate(s, labels), stats(s, labels));
  }

  private Table aggregate(SummaryTable s, List<String> labels) {
    Table t =
        Table.create(
            "aggregate",
            StringColumn.create("label"),
            StringColumn.create("metric"),
            IntColumn.create("n"),
            DoubleColumn.create("mean"),
            DoubleColumn.create("sd"),
            DoubleColumn.create("ci_low"),
            DoubleColumn.create("ci_high"),
            IntColumn.create("excluded"),
            StringColumn.create("note"));
    for (String metric : metrics) {
      for (String label : labels) {
        SummaryTable.Sample sample = s.sample(label, metric);
        Descriptives d = Descriptives.of(sample.values(), confidence);
        List<String> notes = new ArrayList<>();
        if (sample.bySeed().isEmpty()) {
          notes.add("no completed runs with a value");
        } else if (!d.note().isEmpty()) {
          notes.add(d.note());
        }
        if (!sample.exclusionNote().isEmpty()) {
          notes.add(sample.exclusionNote());
        }
        t.stringColumn("label").append(label);
        t.stringColumn("metric").append(metric);
        t.intColumn("n").append(d.n());
        t.doubleColumn("mean").append(d.mean());
        t.doubleColumn("sd").append(d.sd());
        t.doubleColumn("ci_low").append(d.ciLow());
        t.doubleColumn("ci_high").append(d.ciHigh());
        t.intColumn("excluded").append(sample.excludedCount());
        t.stringColumn("note").append(String.join("; ", notes));
      }
    }
    return t;
  }

  private Table stats(SummaryTable s, List<String> labels) {
    List<String[]> pairs = new ArrayList<>();
    if (baseline != null) {
      labels.stream()
          .filter(l -> !l.equals(baseline))
          .forEach(l -> pairs.add(new String[] {l, baseline}));
    } else {
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          pairs.add(new String[] {labels.get(i), labels.get(j)});
        }
      }
    }
    StatsTable table = new StatsTable();
    for (String metric : metrics) {
      List<Comparison> comparisons = new ArrayList<>();
      for (String[] p : pairs) {
        comparisons.add(Comparison.of(metric, s.sample(p[0], metric), s.sample(p[1], metric)));
      }
      addFamily(table, comparisons, true);
      addFamily(table, comparisons, false);
    }
    return table.table();
  }

  /** Holm over one family (the rank tests, or the t-tests, of one metric), then the rows. */
  private void addFamily(StatsTable table, List<Comparison> comparisons, boolean rankTests) {
    double[] p = new double[comparisons.size()];
    Map<Integer, TestResult> results = new HashMap<>();
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      TestResult r = rankTests ? comparisons.get(i).rank() : comparisons.get(i).t();
      results.put(i, r);
      p[i] = r.p();
      m += r.hasP() ? 1 : 0;
    }
    double[] holm = Holm.adjust(p);
    for (int i = 0; i < p.length; i++) {
      Comparison c = comparisons.get(i);
      TestResult r = results.get(i);
      List<String> notes = new ArrayList<>();
      String floor = c.floorNote(r, m, alpha);
      for (String n : List.of(floor, r.note(), c.context())) {
        if (!n.isEmpty()) {
          notes.add(n);
        }
      }
      Boolean significant = r.hasP() ? holm[i] < alpha : null;
      table.add(c, r, holm[i], significant, String.join("; ", notes));
    }
  }

  /** Configuration: {@code setMetrics} is required; the rest have defaults. */
  public static final class Builder {
    private List<String> metrics = List.of();
    private String baseline;
    private double alpha = 0.05;
    private double confidence = 0.95;

    private Builder() {}

    /** Numeric columns of the summary to analyse, in output order. */
    public Builder setMetrics(List<String> metrics) {
      this.metrics = List.copyOf(metrics);
      return this;
    }

    /** Compare every other label against this one; null (default) compares all pairs. */
    public Builder optBaseline(String baseline) {
      this.baseline = baseline;
      return this;
    }

    /** Significance level for {@code significant} and the min-p notes (default 0.05). */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** Level of the confidence intervals in {@code aggregate} (default 0.95). */
    public Builder optConfidence(double confidence) {
      this.confidence = confidence;
      return this;
    }

    public SeedStatistics build() {
      if (metrics.isEmpty()) {
        throw new ConfigException("metrics", "name at least one metric column");
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new ConfigException("alpha", "must be in (0, 1), got " + alpha);
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new ConfigException("confidence", "must be in (0, 1), got " + confidence);
      }
      return new SeedStatistics(this);
    }
  }

  /** The {@code stats} table, filled row by row. */
  private static final class StatsTable {
    private final Table t =
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
            BooleanColumn.create("significant"),
            StringColumn.create("note"),
            IntColumn.create("n_a"),
            IntColumn.create("n_b"),
            DoubleColumn.create("min_p"));

    void add(Comparison c, TestResult r, double pHolm, Boolean significant, String note) {
      t.stringColumn("metric").append(c.metric());
      t.stringColumn("label_a").append(c.labelA());
      t.stringColumn("label_b").append(c.labelB());
      t.stringColumn("test").append(r.test());
      t.intColumn("n").append(r.n());
      t.doubleColumn("statistic").append(r.statistic());
      t.doubleColumn("p").append(r.p());
      t.doubleColumn("p_holm").append(pHolm);
      t.doubleColumn("effect_size").append(r.effectSize());
      t.stringColumn("effect_name").append(r.effectName());
      if (significant == null) {
        t.booleanColumn("significant").appendMissing();
      } else {
        t.booleanColumn("significant").append(significant);
      }
      t.stringColumn("note").append(note);
      t.intColumn("n_a").append(c.nA());
      t.intColumn("n_b").append(c.nB());
      t.doubleColumn("min_p").append(r.minP());
    }

    Table table() {
      return t;
    }
  }
}
