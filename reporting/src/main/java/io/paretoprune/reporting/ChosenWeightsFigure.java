package io.paretoprune.reporting;

import org.jfree.chart.JFreeChart;

/** The weight the multi-objective rule put on the other objectives, per epoch. */
final class ChosenWeightsFigure {
  static final String NAME = "weights";

  private ChosenWeightsFigure() {}

  /** Null without epochs.csv rows or without a recorded weight of another objective. */
  static ReportFigure of(ReportInputs in) {
    if (!in.hasEpochs()) {
      return null;
    }
    JFreeChart c =
        new Figures(in.suite(), in.palette())
            .chosenWeights(ObjectiveCurvesFigure.firstObjective(in.suite()));
    if (c.getXYPlot().getDataset().getSeriesCount() == 0) {
      return null;
    }
    return new ReportFigure(
        NAME,
        ReportFigure.Section.SUITE,
        "Weight the multi-objective rule put on the complexity objective, mean over each epoch and"
            + " over seeds (log scale). Fixed weightings show as flat lines.",
        c);
  }
}
