package io.paretoprune.reporting;

/** Every evaluated weighting's test objectives, coloured by c2, with the front and the knees. */
final class ParetoObjectivesFigure {
  static final String NAME = "pareto-objectives";

  private ParetoObjectivesFigure() {}

  /** Null without a Pareto search. */
  static ReportFigure of(ReportInputs in) {
    if (in.pareto() == null) {
      return null;
    }
    return new ReportFigure(
        NAME,
        ReportFigure.Section.PARETO,
        "Every evaluated weighting's test objectives (log scales), coloured by its c2 (grey: c2 ="
            + " 0); filled points are non-dominated, hollow ones dominated; the line joins the"
            + " front."
            + SearchSentences.seeds(in.pareto())
            + SearchSentences.kneeAndHypervolume(in.pareto()),
        new ParetoFigures(in.pareto()).objectives());
  }
}
