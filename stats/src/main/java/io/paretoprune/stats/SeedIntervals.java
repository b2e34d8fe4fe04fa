package io.paretoprune.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A label's mean and 95% t interval of a metric as a suite's results give it: the row of {@code
 * aggregate.csv} when it has one, else computed from the completed runs of {@code summary.csv} and
 * cut to the metric's range exactly as {@link SeedStatistics} cuts aggregate.csv's, so a results
 * folder without that row shows the same interval.
 */
public final class SeedIntervals {
  private final Table aggregate;
  private final Table summary;
  private final Map<String, double[]> ranges;

  /**
   * @param aggregate aggregate.csv ({@code label, metric, n, mean, sd, ci_low, ci_high}); may be
   *     null
   * @param summary summary.csv ({@code label, status} and the metric columns)
   * @param ranges per metric its {lowest, highest} (as {@link MetricRanges#of})
   */
  public SeedIntervals(Table aggregate, Table summary, Map<String, double[]> ranges) {
    this.aggregate = aggregate;
    this.summary = summary;
    this.ranges = ranges;
  }

  public Descriptives of(String label, String metric) {
    if (aggregate != null && aggregate.containsColumn("metric")) {
      for (Row row : aggregate) {
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
    if (summary.containsColumn(metric)) {
      for (Row row : summary) {
        if (row.getString("label").equals(label)
            && row.getString("status").equals("completed")
            && !row.isMissing(metric)) {
          v.add(row.getNumber(metric));
        }
      }
    }
    return MetricRanges.cut(
        ranges, metric, Descriptives.of(v.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  private static double num(Row row, String c) {
    return row.isMissing(c) ? Double.NaN : row.getNumber(c);
  }
}
