package io.paretoprune.reporting;

import org.jfree.chart.JFreeChart;

/**
 * One figure of the report: its name (the element id {@code fig-<name>} and the file {@code
 * figures/<name>.svg}), the section of the page it sits in, its caption and its chart.
 */
record ReportFigure(String name, Section section, String caption, JFreeChart chart) {
  /** The parts of the page that hold figures, in page order. */
  enum Section {
    /** "Figures": a suite's curves and runs. */
    SUITE,
    /** "Where each method lands". */
    LANDING,
    /** "Pareto search". */
    PARETO
  }
}
