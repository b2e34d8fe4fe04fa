package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;
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
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tech.tablesaw.api.Table;

/**
 * The charts of a Pareto search: its front in objective space and in the primary metric against
 * nonzeros, each weighting coloured by c2; the retrained knee's curves.
 *
 * <p>Scales: f1, f2 and dense nonzeros span orders of magnitude along a front (a collapsed
 * weighting keeps a dozen weights, an unpenalised one all of them), so they are drawn on log axes.
 * The metric stays linear; weightings that collapsed ({@link MetricAxis}: for accuracy below half
 * the best one's, chance level for MNIST) are drawn as triangles on the axis' lower edge, so that
 * the axis shows the differences that matter; a note under the figure says how many and below what.
 */
final class ParetoFigures {
  static final Color FRONT = new Color(0x333333);
  static final Color GREY = new Color(0x999999);
  static final Color ZERO = new Color(0x777777);
  static final Shape DOT = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
  static final Shape SMALL = new Ellipse2D.Double(-3, -3, 6, 6);
  static final Shape RING = new Ellipse2D.Double(-9, -9, 18, 18);
  static final Shape SQUARE_RING = new Rectangle(-8, -8, 16, 16);
  static final Shape DOWN = new Polygon(new int[] {-5, 5, 0}, new int[] {-4, -4, 5}, 3);
  static final Shape DIAMOND = new Polygon(new int[] {0, 7, 0, -7}, new int[] {-7, 0, 7, 0}, 4);
  static final Shape MEAN = new Rectangle(-5, -5, 10, 10);

  private final ParetoResults p;
  private final MetricSpec metric;

  ParetoFigures(ParetoResults p) {
    this.p = p;
    this.metric = p.metric();
  }

  /** Test f1 against test f2, every weighting coloured by c2, the front's line and the knees. */
  JFreeChart objectives() {
    return scatter(
        "Pareto front of the search: test objectives",
        "f2, test (L1 of the dense kernels)",
        "f1, test (cross-entropy)",
        q -> new double[] {q.f2(), q.f1()},
        b -> new double[] {b.f2()[0], b.f2()[1], b.f1()[0], b.f1()[1]},
        null);
  }

  /** The primary test metric against dense nonzeros of every weighting, as {@link #objectives}. */
  JFreeChart metric() {
    List<Double> values = new ArrayList<>();
    p.points().forEach(q -> values.add(q.value()));
    // The axis takes in every seed's run and the interval bars of the means that did not collapse
    // (a collapsed mean is drawn on the lower edge, its bar would only stretch the axis).
    MetricAxis means = MetricAxis.of(metric, values);
    List<Double> extra = new ArrayList<>();
    p.seedPoints().forEach(q -> extra.add(q.value()));
    for (ParetoResults.Point q : p.points()) {
      if (q.bars() != null && !means.collapsed(q.value())) {
        extra.add(q.bars().value()[0]);
        extra.add(q.bars().value()[1]);
      }
    }
    return scatter(
        "Pareto front of the search: test " + metric.label() + " against dense nonzeros",
        "dense nonzeros",
        "test " + metric.label(),
        q -> new double[] {q.nonzeros(), q.value()},
        b -> new double[] {b.nonzeros()[0], b.nonzeros()[1], b.value()[0], b.value()[1]},
        MetricAxis.of(metric, values, extra));
  }

  /**
   * @param at a point's (x, y)
   * @param bars a mean's interval bounds {x low, x high, y low, y high}
   */
  private JFreeChart scatter(
      String title,
      String xLabel,
      String yLabel,
      Function<ParetoResults.Point, double[]> at,
      Function<ParetoResults.Bars, double[]> bars,
      MetricAxis clip) {
    List<ParetoResults.Point> pts = p.points();
    List<double[]> xy = pts.stream().map(at).toList();
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
      double yy = down ? clip.lowerEdge() : y;
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
    // Several seeds per weighting: each seed's run faintly (series 6, coloured by its c2), the
    // means' 95% t intervals as bars (a second dataset).
    XYSeries seeds = new XYSeries("seeds", false, true);
    c2.put(6, new ArrayList<>());
    for (ParetoResults.Point q : p.seedPoints()) {
      double[] v = at.apply(q);
      if (Double.isFinite(v[0])
          && Double.isFinite(v[1])
          && !(logX && v[0] <= 0)
          && !(logY && v[1] <= 0)) {
        seeds.add(v[0], clip == null ? v[1] : clip.clamp(v[1]));
        c2.get(6).add(q.c2());
      }
    }
    XYIntervalSeries intervals = new XYIntervalSeries("95% t interval", false, true);
    for (int i = 0; i < pts.size(); i++) {
      ParetoResults.Point q = pts.get(i);
      double x = xy.get(i)[0];
      double y = xy.get(i)[1];
      if (q.bars() == null || !Double.isFinite(x) || !Double.isFinite(y)) {
        continue;
      }
      double[] b = bars.apply(q.bars());
      double xl = Double.isFinite(b[0]) ? b[0] : x;
      double xh = Double.isFinite(b[1]) ? b[1] : x;
      double yl = Double.isFinite(b[2]) ? b[2] : y;
      double yh = Double.isFinite(b[3]) ? b[3] : y;
      if (logX) {
        xl = Math.max(xl, x / 100); // a log axis cannot draw a bar to 0
      }
      if (logY) {
        yl = Math.max(yl, y / 100);
      }
      if (clip != null) {
        y = clip.collapsed(y) ? clip.lowerEdge() : y;
        yl = clip.clamp(yl);
        yh = clip.clamp(yh);
      }
      intervals.add(x, xl, xh, y, yl, yh);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    for (XYSeries s : List.of(front, nonDominated, dominated, collapsed, used, other, seeds)) {
      data.addSeries(s);
    }
    C2Renderer r = new C2Renderer(scale, c2);
    r.setSeriesLinesVisible(6, false);
    r.setSeriesShapesVisible(6, true);
    r.setSeriesShape(6, SMALL);
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
    if (intervals.getItemCount() > 0) {
      XYErrorRenderer er = new XYErrorRenderer();
      er.setErrorStroke(new BasicStroke(1.0f));
      er.setCapLength(4);
      er.setErrorPaint(FRONT);
      er.setSeriesShapesVisible(0, false);
      er.setSeriesLinesVisible(0, false);
      plot.setDataset(1, new XYIntervalSeriesCollection());
      ((XYIntervalSeriesCollection) plot.getDataset(1)).addSeries(intervals);
      plot.setRenderer(1, er);
    }
    if (clip != null) {
      clip.applyTo(yAxis);
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
    if (intervals.getItemCount() > 0) {
      items.add(
          Legends.line(
              "mean of " + p.seedsPerWeighting() + " seeds, 95% t interval", FRONT, Palette.THIN));
    }
    if (seeds.getItemCount() > 0) {
      items.add(Legends.shape("one seed's run (faint)", SMALL, GREY, true));
    }
    kneeItems(items, used.getItemCount() > 0, other.getItemCount() > 0);
    if (scale.hasZero()) {
      items.add(Legends.shape("c2 = 0", DOT, ZERO, true));
    }
    plot.setFixedLegendItems(items);
    c.addSubtitle(scale.legend());
    if (clip != null && collapsed.getItemCount() > 0) {
      c.addSubtitle(clip.note(MetricAxis.count(collapsed.getItemCount(), "weighting")));
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

  /**
   * Train and test value of the primary metric of the retrained knee per epoch; null without one.
   */
  JFreeChart kneeMetric() {
    if (p.knee() == null || !p.knee().epochs().containsColumn(metric.testColumn())) {
      return null;
    }
    Table e = p.knee().epochs();
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    int i = 0;
    for (String column : List.of(metric.trainColumn(), metric.testColumn())) {
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
        "Retrained knee (" + kneeName() + "): " + metric.label() + " per epoch",
        metric.label(),
        data,
        r,
        Axes.linear(metric.label()));
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

  /** "1 epoch", "10 epochs". */
  static String epochs(int n) {
    return n + (n == 1 ? " epoch" : " epochs");
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

  /** Paints the points of series 1-3 by their c2, and those of series 6 (seeds) faintly so. */
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
        Paint paint = scale.color(v.get(item));
        if (series == 6 && paint instanceof Color c) {
          return new Color(c.getRed(), c.getGreen(), c.getBlue(), 80);
        }
        return paint;
      }
      return super.getItemPaint(series, item);
    }
  }
}
