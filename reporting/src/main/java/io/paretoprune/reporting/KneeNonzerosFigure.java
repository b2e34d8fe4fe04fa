package io.paretoprune.reporting;

import org.jfree.chart.JFreeChart;

/** The retrained knee's dense nonzeros per epoch. */
final class KneeNonzerosFigure {
  static final String NAME = "knee-nonzeros";

  private KneeNonzerosFigure() {}

  /** Null without a retrained knee that recorded its nonzeros. */
  static ReportFigure of(ReportInputs in) {
    JFreeChart c = in.pareto() == null ? null : new ParetoFigures(in.pareto()).kneeNonzeros();
    if (c == null) {
      return null;
    }
    return new ReportFigure(
        NAME,
        ReportFigure.Section.PARETO,
        "The retrained knee: nonzero dense weights at the end of every epoch.",
        c);
  }
}
