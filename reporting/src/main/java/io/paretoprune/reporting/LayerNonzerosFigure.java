package io.paretoprune.reporting;

/** Nonzero weights of each dense layer per epoch, mean over seeds. */
final class LayerNonzerosFigure {
  static final String NAME = "nonzeros";

  private LayerNonzerosFigure() {}

  /** Null without epochs.csv or layers.csv rows. */
  static ReportFigure of(ReportInputs in) {
    if (!in.hasEpochs() || in.suite().layers() == null || in.suite().layers().rowCount() == 0) {
      return null;
    }
    return new ReportFigure(
        NAME,
        ReportFigure.Section.SUITE,
        "Nonzero weights (kernel and bias) of each dense layer at the end of every epoch, mean over"
            + " seeds; one line style per layer.",
        new Figures(in.suite(), in.palette()).nonzerosPerLayer());
  }
}
