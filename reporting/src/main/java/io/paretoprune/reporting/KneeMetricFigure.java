package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;
import org.jfree.chart.JFreeChart;

/** The retrained knee's primary metric per epoch, train solid and test dotted. */
final class KneeMetricFigure {
  private KneeMetricFigure() {}

  static String name(MetricSpec m) {
    return "knee-" + m.name();
  }

  /** Null without a retrained knee that recorded the metric. */
  static ReportFigure of(ReportInputs in) {
    JFreeChart c = in.pareto() == null ? null : new ParetoFigures(in.pareto()).kneeMetric();
    if (c == null) {
      return null;
    }
    return new ReportFigure(
        name(in.metric()),
        ReportFigure.Section.PARETO,
        "The retrained knee: train (solid) and test (dotted) "
            + in.metric().label()
            + " per epoch.",
        c);
  }
}
