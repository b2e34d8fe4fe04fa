package io.paretoprune.reporting;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** The report's figures as JFreeChart charts built from the results tables. */
final class Figures {
  private static final Pattern WEIGHT = Pattern.compile("w_(.+)_([A-Za-z][A-Za-z0-9_]*?)_mean");

  private final SuiteResults results;
  private final Palette palette;

  Figures(SuiteResults results, Palette palette) {
    this.results = results;
    this.palette = palette;
  }

  /** Train (solid) and test (dotted) curves of a metric: mean over seeds, min-max band. */
  JFreeChart curves(String train, String test, String title, String yLabel) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer r = new DeviationRenderer(true, false);
    for (String label : results.labels()) {
      for (String column : List.of(train, test)) {
        if (!results.epochs().containsColumn(column)) {
          continue;
        }
        YIntervalSeries s =
            new YIntervalSeries(label + (column.equals(train) ? " train" : " test"));
        perEpoch(label, column).forEach((epoch, v) -> s.add(epoch, mean(v), min(v), max(v)));
        int i = data.getSeriesCount();
        data.addSeries(s);
        Color c = palette.of(label);
        r.setSeriesPaint(i, c);
        r.setSeriesFillPaint(i, c);
        r.setSeriesStroke(i, column.equals(train) ? Palette.SOLID : Palette.DOTTED);
      }
    }
    r.setAlpha(0.15f);
    return chart(title, "epoch", yLabel, data, r, new NumberAxis(yLabel));
  }

  /** Nonzero dense weights (kernel and bias) per layer over epochs, mean over seeds. */
  JFreeChart nonzerosPerLayer() {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    Table layers = results.layers();
    for (String label : results.labels()) {
      // (layer -> epoch -> run -> nonzeros)
      Map<String, Map<Integer, Map<String, Double>>> acc = new TreeMap<>();
      for (Row row : layers) {
        if (!row.getString("label").equals(label) || !row.getString("kind").startsWith("DENSE")) {
          continue;
        }
        String layer = row.getString("parameter").split("\\.")[0];
        acc.computeIfAbsent(layer, k -> new TreeMap<>())
            .computeIfAbsent(row.getInt("epoch"), k -> new TreeMap<>())
            .merge(row.getString("run_id"), row.getNumber("nonzeros"), Double::sum);
      }
      int layerIndex = 0;
      for (Map.Entry<String, Map<Integer, Map<String, Double>>> e : acc.entrySet()) {
        XYSeries s = new XYSeries(label + " " + e.getKey());
        e.getValue()
            .forEach(
                (epoch, runs) -> s.add(epoch.doubleValue(), mean(new ArrayList<>(runs.values()))));
        int i = data.getSeriesCount();
        data.addSeries(s);
        r.setSeriesPaint(i, palette.of(label));
        r.setSeriesStroke(i, Palette.LAYER_STROKES[layerIndex++ % Palette.LAYER_STROKES.length]);
      }
    }
    return chart(
        "Nonzero dense weights per layer",
        "epoch",
        "nonzeros (kernel + bias)",
        data,
        r,
        new NumberAxis("nonzeros (kernel + bias)"));
  }

  /** The weight the multi-objective rule gave the other objectives, per epoch (log scale). */
  JFreeChart chosenWeights(String firstObjective) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (String column : results.epochs().columnNames()) {
      Matcher m = WEIGHT.matcher(column);
      if (!m.matches() || m.group(2).equals(firstObjective)) {
        continue;
      }
      for (String label : results.labels()) {
        XYSeries s = new XYSeries(label + " " + m.group(1) + ":" + m.group(2));
        perEpoch(label, column)
            .forEach(
                (epoch, v) -> {
                  double y = mean(v);
                  if (y > 0) {
                    s.add(epoch.doubleValue(), y);
                  }
                });
        if (s.getItemCount() > 0) {
          int i = data.getSeriesCount();
          data.addSeries(s);
          r.setSeriesPaint(i, palette.of(label));
          r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
      }
    }
    LogAxis y = new LogAxis("chosen weight (mean over the epoch)");
    y.setSmallestValue(1e-12);
    return chart(
        "Weight of the complexity objective chosen per epoch",
        "epoch",
        "chosen weight",
        data,
        r,
        y);
  }

  /** Final test accuracy against dense nonzeros, one point per run. */
  JFreeChart accuracyVsNonzeros() {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    for (String label : results.labels()) {
      XYSeries s = new XYSeries(label, false, true);
      for (Row row : results.summary()) {
        if (row.getString("label").equals(label)
            && !row.isMissing("dense_nonzeros")
            && !row.isMissing("test_accuracy")) {
          s.add(row.getNumber("dense_nonzeros"), row.getNumber("test_accuracy"));
        }
      }
      int i = data.getSeriesCount();
      data.addSeries(s);
      r.setSeriesPaint(i, palette.of(label));
      r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    NumberAxis y = new NumberAxis("test accuracy");
    y.setAutoRangeIncludesZero(false);
    JFreeChart c =
        chart(
            "Final test accuracy against dense nonzeros (every run)",
            "dense nonzeros",
            "test accuracy",
            data,
            r,
            y);
    ((NumberAxis) c.getXYPlot().getDomainAxis()).setAutoRangeIncludesZero(false);
    return c;
  }

  /** The Pareto front of a search: x and y columns of pareto.csv, dominated points grey. */
  JFreeChart paretoFront(String x, String y, String xLabel, String yLabel) {
    Table p = results.pareto();
    XYSeries front = new XYSeries("non-dominated", true, true);
    XYSeries dominated = new XYSeries("dominated", false, true);
    XYSeries paperKnee = new XYSeries("knee (paper's rule)", false, true);
    XYSeries chordKnee = new XYSeries("knee (distance to chord)", false, true);
    for (Row row : p) {
      double vx = row.getNumber(x);
      double vy = row.getNumber(y);
      (truthy(row, "dominated") ? dominated : front).add(vx, vy);
      if (truthy(row, "knee_paper")) {
        paperKnee.add(vx, vy);
      }
      if (truthy(row, "knee_chord")) {
        chordKnee.add(vx, vy);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(front);
    data.addSeries(dominated);
    data.addSeries(paperKnee);
    data.addSeries(chordKnee);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesPaint(0, new Color(0x0072B2));
    r.setSeriesLinesVisible(1, false);
    r.setSeriesPaint(1, new Color(0xaaaaaa));
    r.setSeriesLinesVisible(2, false);
    r.setSeriesPaint(2, new Color(0xD55E00));
    r.setSeriesShape(2, new Ellipse2D.Double(-7, -7, 14, 14));
    r.setSeriesLinesVisible(3, false);
    r.setSeriesPaint(3, new Color(0x009E73));
    r.setSeriesShape(3, new java.awt.Rectangle(-6, -6, 12, 12));
    NumberAxis ya = new NumberAxis(yLabel);
    ya.setAutoRangeIncludesZero(false);
    return chart("Pareto front: " + yLabel + " against " + xLabel, xLabel, yLabel, data, r, ya);
  }

  private static boolean truthy(Row row, String column) {
    if (!row.columnNames().contains(column)) {
      return false;
    }
    Object v = row.getObject(column);
    return v != null
        && (v.equals(Boolean.TRUE)
            || "true".equalsIgnoreCase(v.toString())
            || "1".equals(v.toString()));
  }

  private Map<Integer, List<Double>> perEpoch(String label, String column) {
    Map<Integer, List<Double>> out = new TreeMap<>();
    for (Row row : results.epochs()) {
      if (row.getString("label").equals(label) && !row.isMissing(column)) {
        double v = row.getNumber(column);
        if (Double.isFinite(v)) {
          out.computeIfAbsent(row.getInt("epoch"), k -> new ArrayList<>()).add(v);
        }
      }
    }
    return out;
  }

  private static JFreeChart chart(
      String title,
      String xLabel,
      String yLabel,
      org.jfree.data.xy.XYDataset data,
      org.jfree.chart.renderer.xy.XYItemRenderer r,
      org.jfree.chart.axis.ValueAxis y) {
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    y.setLabel(yLabel);
    XYPlot plot = new XYPlot(data, x, y, r);
    return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
