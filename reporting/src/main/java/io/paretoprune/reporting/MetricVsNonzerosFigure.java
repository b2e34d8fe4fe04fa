package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;

/** Every run's final primary test metric against its dense nonzeros. */
final class MetricVsNonzerosFigure {
  private MetricVsNonzerosFigure() {}

  static String name(MetricSpec m) {
    return m.name() + "-vs-nonzeros";
  }

  /** Null without a suite or without dense_nonzeros in its summary. */
  static ReportFigure of(ReportInputs in) {
    if (in.suite() == null || !in.suite().summary().containsColumn("dense_nonzeros")) {
      return null;
    }
    return new ReportFigure(
        name(in.metric()),
        ReportFigure.Section.SUITE,
        "Final test " + in.metric().label() + " against the dense nonzeros of every run.",
        new Figures(in.suite(), in.palette()).metricVsNonzeros());
  }
}
