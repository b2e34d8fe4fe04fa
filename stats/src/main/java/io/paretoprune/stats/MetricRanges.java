package io.paretoprune.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a metric of a suite's {@code summary.csv} can take, to which its confidence intervals
 * are cut: one place for the aggregate table and the report, so the two never disagree. The task's
 * metrics ({@link MetricSpec}) bring their own ranges; the dense counts are every task's.
 */
public final class MetricRanges {
  /** {lowest, highest} per metric of an image-classification suite (the accuracy task). */
  public static final Map<String, double[]> SUMMARY = of(List.of(MetricSpec.ACCURACY));

  private MetricRanges() {}

  /**
   * {lowest, highest} per summary column of a task with these metrics: {@code test_<name>} for
   * each, {@code dense_nonzeros} and {@code dense_sparsity}; other columns keep the plain t
   * interval.
   */
  public static Map<String, double[]> of(List<MetricSpec> metrics) {
    return of(metrics, List.of());
  }

  /**
   * As {@link #of(List)}, with each metric's columns of the further test splits {@code splits}
   * ({@code test_<split>_<name>}, {@link MetricSpec#testColumn(String)}) in the same range.
   */
  public static Map<String, double[]> of(List<MetricSpec> metrics, List<String> splits) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (MetricSpec s : metrics) {
      m.put(s.testColumn(), new double[] {s.min(), s.max()});
      for (String split : splits) {
        m.put(s.testColumn(split), new double[] {s.min(), s.max()});
      }
    }
    m.put("dense_nonzeros", new double[] {0, Double.POSITIVE_INFINITY});
    m.put("dense_sparsity", new double[] {0, 1});
    return Map.copyOf(m);
  }

  /** {@code d} with its interval cut to {@code metric}'s range in {@link #SUMMARY}. */
  public static Descriptives cut(String metric, Descriptives d) {
    return cut(SUMMARY, metric, d);
  }

  /** {@code d} with its interval cut to {@code metric}'s range; unchanged for other metrics. */
  public static Descriptives cut(Map<String, double[]> ranges, String metric, Descriptives d) {
    double[] range = ranges.get(metric);
    return range == null ? d : d.within(range[0], range[1]);
  }
}
