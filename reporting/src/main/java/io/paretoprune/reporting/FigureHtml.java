package io.paretoprune.reporting;

import java.util.List;
import java.util.Map;

/**
 * The report's figures as page elements: the inline SVG with its caption and a link to its file.
 */
final class FigureHtml {
  private final List<ReportFigure> figures;
  private final Map<String, String> svg;

  /** {@code svg} holds each figure's rendered SVG by name. */
  FigureHtml(List<ReportFigure> figures, Map<String, String> svg) {
    this.figures = figures;
    this.svg = svg;
  }

  /** Every figure of {@code section}, in the report's order. */
  void append(StringBuilder h, ReportFigure.Section section) {
    for (ReportFigure f : figures) {
      if (f.section() == section) {
        h.append("<figure id=\"fig-")
            .append(f.name())
            .append("\">")
            .append(svg.get(f.name()))
            .append("<figcaption>")
            .append(Html.esc(f.caption()))
            .append(" <a href=\"figures/")
            .append(f.name())
            .append(".svg\">SVG</a></figcaption></figure>\n");
      }
    }
  }
}
