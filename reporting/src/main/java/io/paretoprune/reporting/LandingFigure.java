package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * "Where each method lands": the suite's optimizers against a weighted-sum front in the primary
 * test metric and dense nonzeros (log scale).
 */
final class LandingFigure {
  static final String NAME = "landing";

  private LandingFigure() {}

  /** Null without a front to land on. */
  static ReportFigure of(ReportInputs in) {
    Landing l = in.landing();
    if (l == null) {
      return null;
    }
    return new ReportFigure(NAME, ReportFigure.Section.LANDING, caption(l), chart(l, in.palette()));
  }

  static String caption(Landing l) {
    Front f = l.front();
    MetricSpec m = f.metric();
    String c =
        "Test "
            + m.label()
            + " against dense nonzeros (log scale): the weighted-sum front as a line through its"
            + " points not dominated in ("
            + Front.minimisedName(m)
            + ", nonzeros); each optimizer's seeds as small points, their mean as a square with 95%"
            + " t intervals on both axes."
            + MetricAxis.captionSentence(m);
    c += " Front: " + f.source();
    if (f.epochs() > 0) {
      c += ", each weighting trained " + ParetoFigures.epochs(f.epochs());
    }
    c += ".";
    if (f.knee() != null) {
      c += " Circle: its knee (" + f.knee().name() + ", " + f.kneeRule() + ").";
    }
    if (f.retrainedKnee() != null) {
      c += " Diamond: the knee retrained (" + f.retrainedKnee().name() + ").";
    }
    return c;
  }

  /**
   * The primary test metric against dense nonzeros, the front as a line through its non-dominated
   * points, each optimizer's seeds as small points and their mean with 95% t intervals on both
   * axes.
   */
  static JFreeChart chart(Landing l, Palette palette) {
    Front f = l.front();
    MetricSpec metric = f.metric();
    List<Double> values = new ArrayList<>();
    f.points().forEach(q -> values.add(q.value()));
    l.rows().forEach(r -> r.seeds().forEach(s -> values.add(s[0])));
    if (f.retrainedKnee() != null) {
      values.add(f.retrainedKnee().value());
    }
    List<Double> ci = new ArrayList<>();
    l.rows().forEach(r -> ci.addAll(List.of(r.metric().ciLow(), r.metric().ciHigh())));
    MetricAxis clip = MetricAxis.of(metric, values, ci);
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    XYSeries line = new XYSeries("front", true, true);
    XYSeries others = new XYSeries("dominated weightings", false, true);
    XYSeries collapsed = new XYSeries("collapsed", false, true);
    List<Front.Pt> nd = f.nonDominated();
    for (Front.Pt q : f.points()) {
      if (!(q.nonzeros() > 0)) {
        continue;
      }
      double y = clip.collapsed(q.value()) ? clip.lowerEdge() : q.value();
      if (nd.contains(q)) {
        line.add(q.nonzeros(), q.value());
      } else if (!clip.collapsed(q.value())) {
        others.add(q.nonzeros(), y);
      }
      if (clip.collapsed(q.value())) {
        collapsed.add(q.nonzeros(), y);
      }
    }
    data.addSeries(line);
    r.setSeriesPaint(0, ParetoFigures.FRONT);
    r.setSeriesStroke(0, Palette.THIN);
    r.setSeriesShape(0, ParetoFigures.SMALL);
    data.addSeries(others);
    r.setSeriesLinesVisible(1, false);
    r.setSeriesPaint(1, ParetoFigures.GREY);
    r.setSeriesShape(1, ParetoFigures.SMALL);
    r.setSeriesShapesFilled(1, false);
    data.addSeries(collapsed);
    r.setSeriesLinesVisible(2, false);
    r.setSeriesPaint(2, ParetoFigures.GREY);
    r.setSeriesShape(2, ParetoFigures.DOWN);
    int next = 3;
    int kneeSeries = -1;
    if (f.knee() != null && f.knee().nonzeros() > 0) {
      XYSeries k = new XYSeries("knee", false, true);
      k.add(f.knee().nonzeros(), clip.clamp(f.knee().value()));
      data.addSeries(k);
      r.setSeriesLinesVisible(next, false);
      r.setSeriesPaint(next, Color.BLACK);
      r.setSeriesShape(next, ParetoFigures.RING);
      r.setSeriesShapesFilled(next, false);
      kneeSeries = next++;
    }
    int retrainedSeries = -1;
    if (f.retrainedKnee() != null && f.retrainedKnee().nonzeros() > 0) {
      XYSeries k = new XYSeries("retrained knee", false, true);
      k.add(f.retrainedKnee().nonzeros(), clip.clamp(f.retrainedKnee().value()));
      data.addSeries(k);
      r.setSeriesLinesVisible(next, false);
      r.setSeriesPaint(next, Color.BLACK);
      r.setSeriesShape(next, ParetoFigures.DIAMOND);
      retrainedSeries = next++;
    }
    for (Landing.Place place : l.rows()) {
      XYSeries s = new XYSeries(place.label() + " seeds", false, true);
      for (double[] seed : place.seeds()) {
        if (seed[1] > 0) {
          s.add(seed[1], clip.clamp(seed[0]));
        }
      }
      data.addSeries(s);
      Color c = palette.of(place.label());
      r.setSeriesLinesVisible(next, false);
      r.setSeriesPaint(next, new Color(c.getRed(), c.getGreen(), c.getBlue(), 130));
      r.setSeriesShape(next++, ParetoFigures.SMALL);
    }
    XYIntervalSeriesCollection means = new XYIntervalSeriesCollection();
    XYErrorRenderer er = new XYErrorRenderer();
    er.setErrorStroke(new BasicStroke(1.4f));
    er.setCapLength(6);
    int m = 0;
    for (Landing.Place place : l.rows()) {
      if (!(place.nonzeros().mean() > 0)) {
        continue;
      }
      XYIntervalSeries s = new XYIntervalSeries(place.label(), false, true);
      double x = place.nonzeros().mean();
      double y = place.metric().mean();
      double xl = orSelf(place.nonzeros().ciLow(), x);
      double xh = orSelf(place.nonzeros().ciHigh(), x);
      double yl = orSelf(place.metric().ciLow(), y);
      double yh = orSelf(place.metric().ciHigh(), y);
      s.add(x, Math.max(xl, x / 100), xh, clip.clamp(y), clip.clamp(yl), clip.clamp(yh));
      means.addSeries(s);
      er.setSeriesPaint(m, palette.of(place.label()));
      er.setSeriesShape(m, ParetoFigures.MEAN);
      er.setSeriesLinesVisible(m++, false);
    }
    XYPlot plot =
        new XYPlot(data, Axes.log("dense nonzeros"), Axes.linear("test " + metric.label()), r);
    plot.setDataset(1, means);
    plot.setRenderer(1, er);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    clip.applyTo(plot.getRangeAxis());
    JFreeChart c =
        new JFreeChart(
            "Where each method lands against the weighted-sum front",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    LegendItemCollection items = new LegendItemCollection();
    String epochs = f.epochs() > 0 ? ", " + ParetoFigures.epochs(f.epochs()) : "";
    items.add(
        Legends.lineAndShape(
            "weighted-sum front" + epochs, ParetoFigures.SMALL, ParetoFigures.FRONT, Palette.THIN));
    if (others.getItemCount() > 0) {
      items.add(
          Legends.shape("dominated weightings", ParetoFigures.SMALL, ParetoFigures.GREY, false));
    }
    if (collapsed.getItemCount() > 0) {
      items.add(
          Legends.shape(
              "collapsed (below the axis)", ParetoFigures.DOWN, ParetoFigures.GREY, true));
    }
    if (kneeSeries >= 0) {
      String rule =
          f.kneeRule().contains("paper")
              ? "paper rule"
              : f.kneeRule().contains("chord") ? "chord rule" : "rule not recorded";
      items.add(
          Legends.shape("knee (" + rule + ")" + epochs, ParetoFigures.RING, Color.BLACK, false));
    }
    if (retrainedSeries >= 0) {
      items.add(
          Legends.shape(
              "knee retrained (" + f.retrainedKnee().name().replaceFirst("^c2 = [^,]*, ", "") + ")",
              ParetoFigures.DIAMOND,
              Color.BLACK,
              true));
    }
    for (Landing.Place place : l.rows()) {
      items.add(
          Legends.shape(
              Legends.seeds(place.label(), place.seeds().size()) + ": mean, 95% CI",
              ParetoFigures.MEAN,
              palette.of(place.label()),
              true));
    }
    plot.setFixedLegendItems(items);
    // Methods whose mean collapsed sit on the lower edge too: say so, or they read as a value.
    long methods = l.rows().stream().filter(p -> clip.collapsed(p.metric().mean())).count();
    List<String> down = new ArrayList<>();
    if (collapsed.getItemCount() > 0) {
      down.add(MetricAxis.count(collapsed.getItemCount(), "weighting"));
    }
    if (methods > 0) {
      down.add(MetricAxis.count((int) methods, "method") + " (mean)");
    }
    if (!down.isEmpty()) {
      c.addSubtitle(clip.note(String.join(" and ", down)));
    }
    return c;
  }

  private static double orSelf(double v, double self) {
    return Double.isFinite(v) ? v : self;
  }
}
