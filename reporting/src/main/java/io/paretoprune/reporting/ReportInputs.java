package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;

/**
 * What the report is made from: a suite's results and/or a Pareto search's (one may be null, not
 * both), where the suite's optimizers land against a front (may be null), the optimizers' colours
 * and the task's primary metric every figure and table is drawn in.
 */
record ReportInputs(
    SuiteResults suite, ParetoResults pareto, Landing landing, Palette palette, MetricSpec metric) {
  boolean hasEpochs() {
    return suite != null && suite.epochs() != null && suite.epochs().rowCount() > 0;
  }
}
