package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.SuiteSpec;
import io.paretoprune.stats.MetricRanges;
import io.paretoprune.stats.SeedStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Writes {@code aggregate.csv} and {@code stats.csv} for a suite: every optimizer against the
 * suite's first optimizer entry (the baseline), on the task's metrics (accuracy, say) on every test
 * split, sparsity and the test objectives.
 */
final class SuiteStatistics {
  private SuiteStatistics() {}

  /**
   * @param testSplits the runs' further test splits: their metrics' intervals are cut to the
   *     metric's range as the test split's are
   */
  static void write(Path resultsDir, Table summary, SuiteSpec suite, List<String> testSplits)
      throws IOException {
    List<String> metrics = new ArrayList<>();
    metrics.add("test_" + TaskFile.metricNames(resultsDir).get(0));
    metrics.addAll(List.of("dense_nonzeros", "dense_sparsity"));
    for (String c : summary.columnNames()) {
      if (c.startsWith("test_") && !metrics.contains(c)) {
        metrics.add(c);
      }
    }
    String baseline = suite.optimizers().get(0).label();
    SeedStatistics.Result r =
        SeedStatistics.compute(
            summary,
            metrics,
            MetricRanges.of(TaskFile.metricSpecs(resultsDir), testSplits),
            baseline);
    SuiteSummary.writeAtomically(r.aggregate(), resultsDir.resolve("aggregate.csv"));
    SuiteSummary.writeAtomically(r.stats(), resultsDir.resolve("stats.csv"));
  }
}
