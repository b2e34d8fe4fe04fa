package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;

/** "Where each method lands": its figure, the table of landing.csv and what the columns mean. */
final class LandingSection {
  private LandingSection() {}

  static void append(StringBuilder h, Landing landing, Palette palette, FigureHtml figures) {
    Front f = landing.front();
    MetricSpec m = f.metric();
    h.append("<h2>Where each method lands</h2>\n");
    figures.append(h, ReportFigure.Section.LANDING);
    h.append("<table class=landing><thead><tr><th>optimizer</th><th>seeds</th><th>")
        .append(Html.esc("test " + m.label()))
        .append("</th>")
        .append("<th>dense nonzeros</th><th>hypervolume contribution</th>")
        .append("<th>distance to the front (pp)</th><th>distance to the knee (pp)</th><th>")
        .append(Html.esc(m.label()))
        .append(" − knee's (pp)</th><th>dense sparsity %</th>")
        .append("</tr></thead><tbody>\n");
    for (Landing.Place p : landing.rows()) {
      h.append("<tr><td><span class=swatch style=\"background:")
          .append(Palette.hex(palette.of(p.label())))
          .append("\"></span>")
          .append(Html.esc(p.label()))
          .append("</td><td>")
          .append(p.seeds().size())
          .append("</td><td>")
          .append(Html.ci(p.metric().mean(), p.metric().ciLow(), p.metric().ciHigh(), 4))
          .append("</td><td>")
          .append(Html.ci(p.nonzeros().mean(), p.nonzeros().ciLow(), p.nonzeros().ciHigh(), 0))
          .append("</td><td>")
          .append(Html.esc(Html.sig(p.hvContribution())))
          .append("</td><td>")
          .append(Html.num(100 * p.frontDistance(), 2))
          .append(p.dominated() ? " <span class=ci>behind</span>" : " <span class=ci>ahead</span>")
          .append("</td><td>")
          .append(Html.num(100 * p.kneeDistance(), 2))
          .append("</td><td>")
          .append(Html.num(100 * landing.metricMinusKnee(p), 2))
          .append("</td><td>")
          .append(Html.num(100 * landing.sparsity(p), 2))
          .append("</td></tr>\n");
    }
    double[] ref = landing.reference();
    Front.Pt k = landing.kneeTarget();
    h.append("</tbody></table>\n<p class=note>Mean over completed seeds with its 95% t")
        .append(" confidence interval. Measured in (x, y) = (dense nonzeros / ")
        .append(Html.esc(Axes.plain(landing.scale())))
        .append(", ")
        .append(Html.esc(Front.minimisedName(m, "test ")))
        .append("), both minimised: the fraction of dense weights kept and ")
        .append(
            m.equals(MetricSpec.ACCURACY)
                ? "the error rate"
                : Html.esc("the " + m.label() + (m.higherIsBetter() ? " below its best" : "")))
        .append(". <b>Hypervolume contribution</b>: the area the front dominates with")
        .append(" the optimizer's mean added, minus the area it dominates alone, with reference")
        .append(" point (")
        .append(Html.esc(Axes.plain(ref[0])))
        .append(", ")
        .append(Html.esc(Axes.plain(ref[1])))
        .append(") (every dense weight kept, ")
        .append(Html.esc(m.label() + " " + Axes.plain(worstAtReference(m, ref[1]))))
        .append("); 0 when the front dominates")
        .append(" the mean. <b>Distance to the front</b>: to the line through the front's")
        .append(" non-dominated points, in percentage points of that space (1 = one point of ")
        .append(Html.esc(m.label()))
        .append(" or 1% of the dense weights), positive (behind) when a front point")
        .append(" dominates the mean, negative (ahead) otherwise. <b>Dense sparsity</b>: 1 minus")
        .append(" mean nonzeros over the dense size. <b>Distance to the knee</b>:")
        .append(" to ");
    if (k == null) {
      h.append("the knee; the front has none, so none is given.");
    } else {
      h.append(f.retrainedKnee() != null ? "the retrained knee (" : "the front's knee (")
          .append(Html.esc(k.name()))
          .append(", test ")
          .append(Html.esc(m.label()))
          .append(" ")
          .append(Html.num(k.value(), 4))
          .append(", ")
          .append(Html.esc(Axes.plain(k.nonzeros())))
          .append(" dense nonzeros), in the same units; <b>")
          .append(Html.esc(m.label()))
          .append(" − knee's</b>: the mean test ")
          .append(Html.esc(m.label()))
          .append(" minus the knee's, in points.");
    }
    h.append(" Front: ").append(Html.esc(f.source()));
    if (f.epochs() > 0) {
      h.append(", weightings trained ").append(ParetoFigures.epochs(f.epochs()));
    }
    h.append(". The numbers are also in <code>landing.csv</code> beside this page.</p>\n");
  }

  /** The metric's value at the reference point's y (for accuracy 0). */
  private static double worstAtReference(MetricSpec m, double y) {
    double best = m.higherIsBetter() ? m.max() : m.min();
    return m.higherIsBetter() ? best - y : best + y;
  }
}
