package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;

/** The search's weightings in the primary test metric against dense nonzeros. */
final class ParetoMetricFigure {
  private ParetoMetricFigure() {}

  static String name(MetricSpec m) {
    return "pareto-" + m.name();
  }

  /** Null without a Pareto search whose points have the metric and nonzeros. */
  static ReportFigure of(ReportInputs in) {
    if (in.pareto() == null || !in.pareto().hasMetric()) {
      return null;
    }
    MetricSpec m = in.metric();
    return new ReportFigure(
        name(m),
        ReportFigure.Section.PARETO,
        "The same weightings as test "
            + m.label()
            + " against dense nonzeros (log scale), coloured by c2; the line joins the front of"
            + " the search (non-dominated in f1, f2)."
            + SearchSentences.seeds(in.pareto())
            + SearchSentences.kneeAndHypervolume(in.pareto())
            + MetricAxis.captionSentence(m),
        new ParetoFigures(in.pareto()).metric());
  }
}
