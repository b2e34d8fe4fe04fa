package io.paretoprune.reporting;

import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.stats.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes {@code <results>/report/index.html}: one self-contained page (inline SVG and CSS, no
 * script, nothing fetched) and every figure as {@code report/figures/<name>.svg}.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes the report of the results in {@code dir} and returns the page's path. */
  public static Path write(Path dir) {
    return write(dir, null);
  }

  /**
   * Writes the report of the results in {@code dir}: a suite's (summary.csv), a Pareto search's
   * (pareto/pareto.csv) or both. With {@code front} (a Pareto search's results, or a suite of
   * weighted-sum runs), or when the suite's own folder holds a search, the suite's optimizers are
   * placed against that front; the figure's numbers also go to {@code report/landing.csv}.
   */
  public static Path write(Path dir, Path front) {
    System.setProperty("java.awt.headless", "true");
    Path summary = dir.resolve("summary.csv");
    boolean suite = Files.isRegularFile(summary);
    ParetoResults pareto = ParetoResults.read(dir);
    if (!suite && pareto == null) {
      throw new ReportException(
          summary
              + ": not found; is "
              + dir
              + " a suite's results directory (summary.csv) or a Pareto search's (pareto/pareto.csv)?");
    }
    if (front != null && !suite) {
      throw new ReportException(
          summary
              + ": not found; the front places a suite's optimizers, so "
              + dir
              + " must hold a suite's results");
    }
    SuiteResults results = suite ? SuiteResults.read(dir) : null;
    MetricSpec metric = results != null ? results.metric() : pareto.metric();
    Landing landing = null;
    if (front != null) {
      landing = new Landing(results, Front.read(front, metric));
    } else if (suite && pareto != null && pareto.hasMetric()) {
      landing = new Landing(results, Front.of(pareto, pareto.dir().resolve("pareto.csv")));
    }
    if (landing != null && landing.rows().isEmpty()) {
      landing = null;
    }
    Palette palette = new Palette(results != null ? results.labels() : List.of());
    ReportInputs in = new ReportInputs(results, pareto, landing, palette, metric);
    List<ReportFigure> figures = figures(in);
    Map<String, String> svg = new LinkedHashMap<>();
    figures.forEach(f -> svg.put(f.name(), Svg.render(f.chart())));
    Path report = dir.resolve("report");
    Path figureDir = report.resolve("figures");
    try {
      Files.createDirectories(figureDir);
      for (Map.Entry<String, String> f : svg.entrySet()) {
        AtomicFiles.writeString(
            figureDir.resolve(f.getKey() + ".svg"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + f.getValue());
      }
      if (landing != null) {
        tech.tablesaw.api.Table table = landing.table();
        AtomicFiles.write(report.resolve("landing.csv"), out -> table.write().csv(out));
      }
      String page = new ReportPage(in, new FigureHtml(figures, svg), Instant.now()).html();
      Path index = report.resolve("index.html");
      AtomicFiles.writeString(index, page);
      return index;
    } catch (IOException e) {
      throw new ReportException(report + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  /** The report's figures, one class each. */
  private static final List<Function<ReportInputs, ReportFigure>> FIGURES =
      List.of(
          MetricCurvesFigure::of,
          ObjectiveCurvesFigure::of,
          LayerNonzerosFigure::of,
          ChosenWeightsFigure::of,
          MetricVsNonzerosFigure::of,
          LandingFigure::of,
          ParetoObjectivesFigure::of,
          ParetoMetricFigure::of,
          KneeMetricFigure::of,
          KneeNonzerosFigure::of);

  /** Every figure the inputs have data for, in {@link #figureOrder} order. */
  private static List<ReportFigure> figures(ReportInputs in) {
    List<ReportFigure> out = new ArrayList<>();
    for (Function<ReportInputs, ReportFigure> f : FIGURES) {
      ReportFigure figure = f.apply(in);
      if (figure != null) {
        out.add(figure);
      }
    }
    List<String> order = figureOrder(in.metric());
    out.sort(Comparator.comparingInt(f -> order.indexOf(f.name())));
    return out;
  }

  /** The names of every figure a report can have, in page order, for an accuracy task. */
  static List<String> figureOrder() {
    return figureOrder(MetricSpec.ACCURACY);
  }

  /** The names of every figure a report in {@code metric} can have, in page order. */
  static List<String> figureOrder(MetricSpec metric) {
    return List.of(
        MetricCurvesFigure.name(metric),
        ObjectiveCurvesFigure.NAME,
        LayerNonzerosFigure.NAME,
        ChosenWeightsFigure.NAME,
        MetricVsNonzerosFigure.name(metric),
        LandingFigure.NAME,
        ParetoObjectivesFigure.NAME,
        ParetoMetricFigure.name(metric),
        KneeMetricFigure.name(metric),
        KneeNonzerosFigure.NAME);
  }
}
