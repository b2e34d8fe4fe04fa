package io.paretoprune.stats;

import java.util.Map;

/**
 * The values a metric of a suite's {@code summary.csv} can take, to which its confidence intervals
 * are cut: one place for the aggregate table and the report, so the two never disagree.
 */
public final class MetricRanges {
  /** {lowest, highest} per metric every run has; other metrics keep the plain t interval. */
  public static final Map<String, double[]> SUMMARY =
      Map.of(
          "test_accuracy", new double[] {0, 1},
          "dense_nonzeros", new double[] {0, Double.POSITIVE_INFINITY},
          "dense_sparsity", new double[] {0, 1});

  private MetricRanges() {}

  /** {@code d} with its interval cut to {@code metric}'s range; unchanged for other metrics. */
  public static Descriptives cut(String metric, Descriptives d) {
    double[] range = SUMMARY.get(metric);
    return range == null ? d : d.within(range[0], range[1]);
  }
}
