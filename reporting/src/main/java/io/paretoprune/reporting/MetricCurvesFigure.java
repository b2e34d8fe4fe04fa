package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;

/** The primary metric per epoch of every optimizer: train solid, test dotted, min-max band. */
final class MetricCurvesFigure {
  private MetricCurvesFigure() {}

  static String name(MetricSpec m) {
    return m.name();
  }

  /** Null without epochs.csv rows. */
  static ReportFigure of(ReportInputs in) {
    if (!in.hasEpochs()) {
      return null;
    }
    MetricSpec m = in.metric();
    return new ReportFigure(
        name(m),
        ReportFigure.Section.SUITE,
        "Train (solid) and test (dotted) "
            + m.label()
            + " per epoch; line: mean over seeds, band: min to max.",
        new Figures(in.suite(), in.palette())
            .curves(
                m.trainColumn(),
                m.testColumn(),
                Html.capitalised(m.label())
                    + " (train solid, test dotted; band: min-max over seeds)",
                m.label()));
  }
}
