package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
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
    JFreeChart c = chart(title, "epoch", yLabel, data, r, Axes.linear(yLabel));
    LegendItemCollection items = labelItems(this::epochSeeds);
    items.add(Legends.line("train", Color.DARK_GRAY, Palette.SOLID));
    items.add(Legends.line("test", Color.DARK_GRAY, Palette.DOTTED));
    c.getXYPlot().setFixedLegendItems(items);
    return c;
  }

  /** Nonzero dense weights (kernel and bias) per layer over epochs, mean over seeds. */
  JFreeChart nonzerosPerLayer() {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    Table layers = results.layers();
    List<String> layerNames = new ArrayList<>();
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
      for (Map.Entry<String, Map<Integer, Map<String, Double>>> e : acc.entrySet()) {
        if (!layerNames.contains(e.getKey())) {
          layerNames.add(e.getKey());
        }
        XYSeries s = new XYSeries(label + " " + e.getKey());
        e.getValue()
            .forEach(
                (epoch, runs) -> s.add(epoch.doubleValue(), mean(new ArrayList<>(runs.values()))));
        int i = data.getSeriesCount();
        data.addSeries(s);
        r.setSeriesPaint(i, palette.of(label));
        r.setSeriesStroke(
            i,
            Palette.LAYER_STROKES[layerNames.indexOf(e.getKey()) % Palette.LAYER_STROKES.length]);
      }
    }
    JFreeChart c =
        chart(
            "Nonzero dense weights per layer",
            "epoch",
            "nonzeros (kernel + bias)",
            data,
            r,
            Axes.linear("nonzeros (kernel + bias)"));
    ((NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
    LegendItemCollection items = labelItems(this::epochSeeds);
    for (int i = 0; i < layerNames.size(); i++) {
      items.add(
          Legends.line(
              layerNames.get(i),
              Color.DARK_GRAY,
              Palette.LAYER_STROKES[i % Palette.LAYER_STROKES.length]));
    }
    c.getXYPlot().setFixedLegendItems(items);
    return c;
  }

  /** The weight the multi-objective rule gave the other objectives, per epoch (log scale). */
  JFreeChart chosenWeights(String firstObjective) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    List<String> seriesLabel = new ArrayList<>();
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
          seriesLabel.add(label);
          r.setSeriesPaint(i, palette.of(label));
          r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
      }
    }
    JFreeChart c =
        chart(
            "Weight of the complexity objective chosen per epoch",
            "epoch",
            "chosen weight",
            data,
            r,
            Axes.log("chosen weight"));
    LegendItemCollection items = new LegendItemCollection();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      String key = data.getSeriesKey(i).toString();
      String label = seriesLabel.get(i);
      items.add(
          Legends.marker(
              Legends.seeds(label, epochSeeds(label)) + key.substring(label.length()),
              palette.of(label)));
    }
    c.getXYPlot().setFixedLegendItems(items);
    return c;
  }

  /**
   * The final test value of the task's primary metric against dense nonzeros, one point per run.
   */
  JFreeChart metricVsNonzeros() {
    MetricSpec metric = results.metric();
    String column = metric.testColumn();
    String axis = "test " + metric.label();
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    for (String label : results.labels()) {
      XYSeries s = new XYSeries(label, false, true);
      for (Row row : results.summary()) {
        if (row.getString("label").equals(label)
            && !row.isMissing("dense_nonzeros")
            && !row.isMissing(column)) {
          s.add(row.getNumber("dense_nonzeros"), row.getNumber(column));
        }
      }
      int i = data.getSeriesCount();
      data.addSeries(s);
      r.setSeriesPaint(i, palette.of(label));
      r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    JFreeChart c =
        chart(
            "Final " + axis + " against dense nonzeros (every run)",
            "dense nonzeros",
            axis,
            data,
            r,
            Axes.linear(axis));
    c.getXYPlot().setDomainAxis(Axes.linear("dense nonzeros"));
    LegendItemCollection items = new LegendItemCollection();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      String label = results.labels().get(i);
      items.add(Legends.marker(Legends.seeds(label, data.getItemCount(i)), palette.of(label)));
    }
    c.getXYPlot().setFixedLegendItems(items);
    return c;
  }

  /** One legend entry per optimizer, "SMGD (5 seeds)", in its colour. */
  private LegendItemCollection labelItems(java.util.function.ToIntFunction<String> seeds) {
    LegendItemCollection items = new LegendItemCollection();
    for (String label : results.labels()) {
      int n = seeds.applyAsInt(label);
      if (n > 0) {
        items.add(Legends.line(Legends.seeds(label, n), palette.of(label), Palette.SOLID));
      }
    }
    return items;
  }

  /** The number of runs of a label with rows in epochs.csv. */
  int epochSeeds(String label) {
    java.util.Set<String> runs = new java.util.HashSet<>();
    for (Row row : results.epochs()) {
      if (row.getString("label").equals(label)) {
        runs.add(row.getString("run_id"));
      }
    }
    return runs.size();
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
    NumberAxis x = Axes.integer(xLabel);
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
