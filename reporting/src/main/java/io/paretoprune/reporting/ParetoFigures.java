package io.paretoprune.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tech.tablesaw.api.Table;

/**
 * The figures of a Pareto search (its front in objective space and in accuracy against nonzeros,
 * each weighting coloured by c2; the retrained knee's curves) and of where a suite's optimizers
 * land against a front.
 *
 * <p>Scales: f1, f2 and dense nonzeros span orders of magnitude along a front (a collapsed
 * weighting keeps a dozen weights, an unpenalised one all of them), so they are drawn on log axes.
 * Test accuracy stays linear; weightings that collapsed (test accuracy below half the best one's,
 * chance level for MNIST) are drawn as triangles on the axis' lower edge, so that the accuracy axis
 * shows the differences that matter; a note under the figure says how many and below what.
 */
final class ParetoFigures {
  static final Color FRONT = new Color(0x333333);
  static final Color GREY = new Color(0x999999);
  static final Color ZERO = new Color(0x777777);
  private static final Shape DOT = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
  private static final Shape SMALL = new Ellipse2D.Double(-3, -3, 6, 6);
  private static final Shape RING = new Ellipse2D.Double(-9, -9, 18, 18);
  private static final Shape SQUARE_RING = new Rectangle(-8, -8, 16, 16);
  private static final Shape DOWN = new Polygon(new int[] {-5, 5, 0}, new int[] {-4, -4, 5}, 3);
  private static final Shape DIAMOND =
      new Polygon(new int[] {0, 7, 0, -7}, new int[] {-7, 0, 7, 0}, 4);
  private static final Shape MEAN = new Rectangle(-5, -5, 10, 10);

  private final ParetoResults p;

  ParetoFigures(ParetoResults p) {
    this.p = p;
  }

  /** Test f1 against test f2, every weighting coloured by c2, the front's line and the knees. */
  JFreeChart objectives() {
    List<double[]> xy = new ArrayList<>();
    for (ParetoResults.Point q : p.points()) {
      xy.add(new double[] {q.f2(), q.f1()});
    }
    return scatter(
        "Pareto front of the search: test objectives",
        "f2, test (L1 of the dense kernels)",
        "f1, test (cross-entropy)",
        xy,
        null);
  }

  /** Test accuracy against dense nonzeros of every weighting, as {@link #objectives}. */
  JFreeChart accuracy() {
    List<double[]> xy = new ArrayList<>();
    for (ParetoResults.Point q : p.points()) {
      xy.add(new double[] {q.nonzeros(), q.accuracy()});
    }
    List<Double> acc = new ArrayList<>();
    p.points().forEach(q -> acc.add(q.accuracy()));
    return scatter(
        "Pareto front of the search: test accuracy against dense nonzeros",
        "dense nonzeros",
        "test accuracy",
        xy,
        AccuracyRange.of(acc));
  }

  private JFreeChart scatter(
      String title, String xLabel, String yLabel, List<double[]> xy, AccuracyRange clip) {
    List<ParetoResults.Point> pts = p.points();
    C2Scale scale = C2Scale.of(pts.stream().mapToDouble(ParetoResults.Point::c2).toArray());
    XYSeries front = new XYSeries("front", true, true);
    XYSeries nonDominated = new XYSeries("non-dominated", false, true);
    XYSeries dominated = new XYSeries("dominated", false, true);
    XYSeries collapsed = new XYSeries("collapsed", false, true);
    XYSeries used = new XYSeries("knee used", false, true);
    XYSeries other = new XYSeries("other knee", false, true);
    Map<Integer, List<Double>> c2 = new HashMap<>();
    for (int s = 1; s <= 3; s++) {
      c2.put(s, new ArrayList<>());
    }
    ParetoResults.Point knee = p.usedKnee();
    boolean logX = xy.stream().allMatch(v -> !(v[0] <= 0));
    boolean logY = clip == null && xy.stream().allMatch(v -> !(v[1] <= 0));
    for (int i = 0; i < pts.size(); i++) {
      ParetoResults.Point q = pts.get(i);
      double x = xy.get(i)[0];
      double y = xy.get(i)[1];
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        continue;
      }
      boolean down = clip != null && clip.collapsed(y);
      double yy = down ? clip.lower() : y;
      if (!q.dominated()) {
        front.add(x, y);
      }
      if (down) {
        collapsed.add(x, yy);
        c2.get(3).add(q.c2());
      } else if (q.dominated()) {
        dominated.add(x, yy);
        c2.get(2).add(q.c2());
      } else {
        nonDominated.add(x, yy);
        c2.get(1).add(q.c2());
      }
      boolean isUsed = q.equals(knee);
      if ((q.kneeChord() || q.kneePaper()) && !isUsed) {
        other.add(x, yy);
      }
      if (isUsed) {
        used.add(x, yy);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    for (XYSeries s : List.of(front, nonDominated, dominated, collapsed, used, other)) {
      data.addSeries(s);
    }
    C2Renderer r = new C2Renderer(scale, c2);
    r.setSeriesLinesVisible(0, true);
    r.setSeriesShapesVisible(0, false);
    r.setSeriesPaint(0, FRONT);
    r.setSeriesStroke(0, Palette.THIN);
    for (int s = 1; s <= 5; s++) {
      r.setSeriesLinesVisible(s, false);
      r.setSeriesShapesVisible(s, true);
    }
    r.setSeriesShape(1, DOT);
    r.setSeriesShape(2, DOT);
    r.setSeriesShapesFilled(2, false);
    r.setSeriesShape(3, DOWN);
    r.setSeriesShape(4, RING);
    r.setSeriesShapesFilled(4, false);
    r.setSeriesPaint(4, Color.BLACK);
    r.setSeriesShape(5, SQUARE_RING);
    r.setSeriesShapesFilled(5, false);
    r.setSeriesPaint(5, GREY);
    r.setDrawOutlines(true);
    r.setUseOutlinePaint(false);
    ValueAxis xAxis = logX ? Axes.log(xLabel) : Axes.linear(xLabel);
    ValueAxis yAxis = logY ? Axes.log(yLabel) : Axes.linear(yLabel);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    if (clip != null) {
      yAxis.setRange(clip.lower(), clip.upper());
    }
    JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    LegendItemCollection items = new LegendItemCollection();
    items.add(Legends.line("front (non-dominated in f1, f2)", FRONT, Palette.THIN));
    items.add(Legends.shape("non-dominated", DOT, GREY, true));
    if (dominated.getItemCount() > 0) {
      items.add(Legends.shape("dominated", DOT, GREY, false));
    }
    if (collapsed.getItemCount() > 0) {
      items.add(Legends.shape("collapsed (below the axis)", DOWN, GREY, true));
    }
    kneeItems(items, used.getItemCount() > 0, other.getItemCount() > 0);
    if (scale.hasZero()) {
      items.add(Legends.shape("c2 = 0", DOT, ZERO, true));
    }
    plot.setFixedLegendItems(items);
    c.addSubtitle(scale.legend());
    if (clip != null && collapsed.getItemCount() > 0) {
      c.addSubtitle(clip.note(collapsed.getItemCount(), "weighting"));
    }
    return c;
  }

  private void kneeItems(LegendItemCollection items, boolean used, boolean other) {
    String rule = p.kneeRule();
    if (used) {
      String name = rule == null ? (p.usedKnee().kneeChord() ? "chord" : "paper") : rule;
      items.add(
          Legends.shape(
              "knee, " + name + " rule" + (rule == null ? "" : " (used)"),
              RING,
              Color.BLACK,
              false));
    }
    if (other) {
      String name = "paper".equals(rule) ? "chord" : "chord".equals(rule) ? "paper" : "other";
      items.add(Legends.shape("knee, " + name + " rule", SQUARE_RING, GREY, false));
    }
  }

  /** Train and test accuracy of the retrained knee per epoch; null without one. */
  JFreeChart kneeAccuracy() {
    if (p.knee() == null || !p.knee().epochs().containsColumn("test_accuracy")) {
      return null;
    }
    Table e = p.knee().epochs();
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    int i = 0;
    for (String column : List.of("train_accuracy", "test_accuracy")) {
      if (!e.containsColumn(column)) {
        continue;
      }
      XYSeries s = new XYSeries(column.startsWith("train") ? "train" : "test");
      for (int row = 0; row < e.rowCount(); row++) {
        if (!e.column(column).isMissing(row)) {
          s.add(e.numberColumn("epoch").getDouble(row), e.numberColumn(column).getDouble(row));
        }
      }
      data.addSeries(s);
      r.setSeriesPaint(i, Color.BLACK);
      r.setSeriesStroke(i++, column.startsWith("train") ? Palette.SOLID : Palette.DOTTED);
    }
    return curves(
        "Retrained knee (" + kneeName() + "): accuracy per epoch",
        "accuracy",
        data,
        r,
        Axes.linear("accuracy"));
  }

  /** Dense nonzeros of the retrained knee per epoch; null without one. */
  JFreeChart kneeNonzeros() {
    if (p.knee() == null || !p.knee().epochs().containsColumn("dense_nonzeros")) {
      return null;
    }
    Table e = p.knee().epochs();
    XYSeries s = new XYSeries("dense nonzeros");
    for (int row = 0; row < e.rowCount(); row++) {
      if (!e.column("dense_nonzeros").isMissing(row)) {
        s.add(
            e.numberColumn("epoch").getDouble(row),
            e.numberColumn("dense_nonzeros").getDouble(row));
      }
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, Color.BLACK);
    r.setSeriesShape(0, SMALL);
    NumberAxis y = Axes.linear("dense nonzeros");
    y.setAutoRangeIncludesZero(true);
    return curves(
        "Retrained knee (" + kneeName() + "): dense nonzeros per epoch",
        "dense nonzeros",
        new XYSeriesCollection(s),
        r,
        y);
  }

  private String kneeName() {
    return "c2 = " + Axes.plain(p.knee().c2());
  }

  private static JFreeChart curves(
      String title,
      String yLabel,
      org.jfree.data.xy.XYDataset data,
      XYLineAndShapeRenderer r,
      ValueAxis y) {
    XYPlot plot = new XYPlot(data, Axes.integer("epoch"), y, r);
    JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    if (data.getSeriesCount() > 1) {
      LegendItemCollection items = new LegendItemCollection();
      items.add(Legends.line("train", Color.BLACK, Palette.SOLID));
      items.add(Legends.line("test", Color.BLACK, Palette.DOTTED));
      plot.setFixedLegendItems(items);
    } else {
      c.removeLegend();
    }
    return c;
  }

  /**
   * Where each optimizer lands: test accuracy against dense nonzeros, the front as a line through
   * its non-dominated points in (1 - accuracy, nonzeros), each optimizer's seeds as small points
   * and their mean with 95% t intervals on both axes.
   */
  static JFreeChart landing(Landing l, Palette palette) {
    Front f = l.front();
    List<Double> acc = new ArrayList<>();
    f.points().forEach(q -> acc.add(q.accuracy()));
    l.rows().forEach(r -> r.seeds().forEach(s -> acc.add(s[0])));
    if (f.retrainedKnee() != null) {
      acc.add(f.retrainedKnee().accuracy());
    }
    List<Double> ci = new ArrayList<>();
    l.rows().forEach(r -> ci.addAll(List.of(r.accuracy().ciLow(), r.accuracy().ciHigh())));
    AccuracyRange clip = AccuracyRange.of(acc, ci);
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
      double y = clip.collapsed(q.accuracy()) ? clip.lower() : q.accuracy();
      if (nd.contains(q)) {
        line.add(q.nonzeros(), q.accuracy());
      } else if (!clip.collapsed(q.accuracy())) {
        others.add(q.nonzeros(), y);
      }
      if (clip.collapsed(q.accuracy())) {
        collapsed.add(q.nonzeros(), y);
      }
    }
    data.addSeries(line);
    r.setSeriesPaint(0, FRONT);
    r.setSeriesStroke(0, Palette.THIN);
    r.setSeriesShape(0, SMALL);
    data.addSeries(others);
    r.setSeriesLinesVisible(1, false);
    r.setSeriesPaint(1, GREY);
    r.setSeriesShape(1, SMALL);
    r.setSeriesShapesFilled(1, false);
    data.addSeries(collapsed);
    r.setSeriesLinesVisible(2, false);
    r.setSeriesPaint(2, GREY);
    r.setSeriesShape(2, DOWN);
    int next = 3;
    int kneeSeries = -1;
    if (f.knee() != null && f.knee().nonzeros() > 0) {
      XYSeries k = new XYSeries("knee", false, true);
      k.add(f.knee().nonzeros(), clip.clamp(f.knee().accuracy()));
      data.addSeries(k);
      r.setSeriesLinesVisible(next, false);
      r.setSeriesPaint(next, Color.BLACK);
      r.setSeriesShape(next, RING);
      r.setSeriesShapesFilled(next, false);
      kneeSeries = next++;
    }
    int retrainedSeries = -1;
    if (f.retrainedKnee() != null && f.retrainedKnee().nonzeros() > 0) {
      XYSeries k = new XYSeries("retrained knee", false, true);
      k.add(f.retrainedKnee().nonzeros(), clip.clamp(f.retrainedKnee().accuracy()));
      data.addSeries(k);
      r.setSeriesLinesVisible(next, false);
      r.setSeriesPaint(next, Color.BLACK);
      r.setSeriesShape(next, DIAMOND);
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
      r.setSeriesShape(next++, SMALL);
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
      double y = place.accuracy().mean();
      double xl = orSelf(place.nonzeros().ciLow(), x);
      double xh = orSelf(place.nonzeros().ciHigh(), x);
      double yl = orSelf(place.accuracy().ciLow(), y);
      double yh = orSelf(place.accuracy().ciHigh(), y);
      s.add(x, Math.max(xl, x / 100), xh, clip.clamp(y), clip.clamp(yl), clip.clamp(yh));
      means.addSeries(s);
      er.setSeriesPaint(m, palette.of(place.label()));
      er.setSeriesShape(m, MEAN);
      er.setSeriesLinesVisible(m++, false);
    }
    XYPlot plot = new XYPlot(data, Axes.log("dense nonzeros"), Axes.linear("test accuracy"), r);
    plot.setDataset(1, means);
    plot.setRenderer(1, er);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.getRangeAxis().setRange(clip.lower(), clip.upper());
    JFreeChart c =
        new JFreeChart(
            "Where each method lands against the weighted-sum front",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    LegendItemCollection items = new LegendItemCollection();
    String epochs = f.epochs() > 0 ? ", " + epochs(f.epochs()) : "";
    items.add(Legends.lineAndShape("weighted-sum front" + epochs, SMALL, FRONT, Palette.THIN));
    if (others.getItemCount() > 0) {
      items.add(Legends.shape("dominated weightings", SMALL, GREY, false));
    }
    if (collapsed.getItemCount() > 0) {
      items.add(Legends.shape("collapsed (below the axis)", DOWN, GREY, true));
    }
    if (kneeSeries >= 0) {
      String rule =
          f.kneeRule().contains("paper")
              ? "paper rule"
              : f.kneeRule().contains("chord") ? "chord rule" : "rule not recorded";
      items.add(Legends.shape("knee (" + rule + ")" + epochs, RING, Color.BLACK, false));
    }
    if (retrainedSeries >= 0) {
      items.add(
          Legends.shape(
              "knee retrained (" + f.retrainedKnee().name().replaceFirst("^c2 = [^,]*, ", "") + ")",
              DIAMOND,
              Color.BLACK,
              true));
    }
    for (Landing.Place place : l.rows()) {
      items.add(
          Legends.shape(
              Legends.seeds(place.label(), place.seeds().size()) + ": mean, 95% CI",
              MEAN,
              palette.of(place.label()),
              true));
    }
    plot.setFixedLegendItems(items);
    // Methods whose mean collapsed sit on the lower edge too: say so, or they read as a value.
    long methods = l.rows().stream().filter(p -> clip.collapsed(p.accuracy().mean())).count();
    List<String> down = new ArrayList<>();
    if (collapsed.getItemCount() > 0) {
      down.add(AccuracyRange.count(collapsed.getItemCount(), "weighting"));
    }
    if (methods > 0) {
      down.add(AccuracyRange.count((int) methods, "method") + " (mean)");
    }
    if (!down.isEmpty()) {
      c.addSubtitle(clip.note(String.join(" and ", down)));
    }
    return c;
  }

  /** "1 epoch", "10 epochs". */
  static String epochs(int n) {
    return n + (n == 1 ? " epoch" : " epochs");
  }

  private static double orSelf(double v, double self) {
    return Double.isFinite(v) ? v : self;
  }

  /**
   * The accuracy axis' range: the points that did not collapse (accuracy at least half the best),
   * with a margin; collapsed points are drawn on its lower edge.
   */
  record AccuracyRange(double threshold, double lower, double upper) {
    static AccuracyRange of(List<Double> accuracies) {
      return of(accuracies, List.of());
    }

    /**
     * The range of the {@code accuracies} that did not collapse, widened to take in the {@code
     * extra} values (confidence limits) at or above the collapse threshold.
     */
    static AccuracyRange of(List<Double> accuracies, List<Double> extra) {
      double best = max(accuracies, 1);
      double threshold = best / 2;
      List<Double> all = new ArrayList<>(accuracies);
      all.addAll(extra);
      double lo =
          all.stream()
              .filter(a -> Double.isFinite(a) && a >= threshold)
              .mapToDouble(Double::doubleValue)
              .min()
              .orElse(0);
      double hi = Math.max(best, max(all, best));
      double span = Math.max(hi - lo, 0.01);
      return new AccuracyRange(
          threshold,
          Math.max(0, Math.min(lo, hi - span) - 0.08 * span),
          Math.min(1, hi + 0.05 * span));
    }

    private static double max(List<Double> v, double otherwise) {
      return v.stream()
          .filter(Double::isFinite)
          .mapToDouble(Double::doubleValue)
          .max()
          .orElse(otherwise);
    }

    boolean collapsed(double accuracy) {
      return accuracy < threshold;
    }

    double clamp(double accuracy) {
      return Math.max(lower, Math.min(upper, accuracy));
    }

    TextTitle note(int n, String what) {
      return note(count(n, what));
    }

    /** "3 weightings", "1 method". */
    static String count(int n, String what) {
      return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The note under a figure: {@code what} (counted things) collapsed, drawn on the edge. */
    TextTitle note(String what) {
      TextTitle t =
          new TextTitle(
              "▼ "
                  + what
                  + " collapsed (test accuracy below "
                  + Axes.plain(Math.round(threshold * 1000) / 1000.0)
                  + ", half the best): drawn on the lower edge",
              new Font("SansSerif", Font.PLAIN, 11));
      t.setPosition(RectangleEdge.BOTTOM);
      t.setPaint(new Color(0x555555));
      return t;
    }
  }

  /** Colours c2 on a log scale (viridis); c2 = 0, which a log scale cannot place, is grey. */
  record C2Scale(double lo, double hi, boolean hasZero) implements PaintScale {
    private static final int[] VIRIDIS = {
      0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C
    };

    static C2Scale of(double[] c2) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      boolean zero = false;
      for (double v : c2) {
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        } else {
          zero = true;
        }
      }
      if (!Double.isFinite(lo)) {
        lo = 1e-4;
        hi = 1e-1;
      }
      double a = Math.log10(lo);
      double b = Math.log10(hi);
      if (b - a < 1) {
        a = (a + b) / 2 - 0.5;
        b = a + 1;
      }
      return new C2Scale(a, b, zero);
    }

    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi;
    }

    /** The colour at log10(c2) = {@code v}. */
    @Override
    public Paint getPaint(double v) {
      double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * (VIRIDIS.length - 1);
      int i = (int) Math.min(VIRIDIS.length - 2, Math.floor(t));
      double f = t - i;
      Color a = new Color(VIRIDIS[i]);
      Color b = new Color(VIRIDIS[i + 1]);
      return new Color(
          (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
          (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
          (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    Paint color(double c2) {
      return c2 > 0 ? getPaint(Math.log10(c2)) : ZERO;
    }

    PaintScaleLegend legend() {
      Axes.Log10ValueAxis axis = new Axes.Log10ValueAxis("c2 (weight of f2)");
      axis.setRange(lo, hi);
      axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
      axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
      PaintScaleLegend l = new PaintScaleLegend(this, axis);
      l.setPosition(RectangleEdge.RIGHT);
      l.setSubdivisionCount(100);
      l.setStripWidth(10);
      l.setAxisOffset(4);
      l.setMargin(new RectangleInsets(10, 4, 30, 4));
      l.setStripOutlineVisible(false);
      return l;
    }
  }

  /** Paints the points of series 1-3 by their c2. */
  private static final class C2Renderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    private final transient C2Scale scale;
    private final transient Map<Integer, List<Double>> c2;

    C2Renderer(C2Scale scale, Map<Integer, List<Double>> c2) {
      this.scale = scale;
      this.c2 = c2;
    }

    @Override
    public Paint getItemPaint(int series, int item) {
      List<Double> v = c2.get(series);
      if (v != null && item < v.size()) {
        return scale.color(v.get(item));
      }
      return super.getItemPaint(series, item);
    }
  }
}
