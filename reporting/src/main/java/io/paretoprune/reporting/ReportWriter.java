package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

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
    Landing landing = null;
    if (front != null) {
      landing = new Landing(results, Front.read(front));
    } else if (suite && pareto != null && pareto.hasAccuracy()) {
      landing = new Landing(results, Front.of(pareto, pareto.dir().resolve("pareto.csv")));
    }
    if (landing != null && landing.rows().isEmpty()) {
      landing = null;
    }
    Palette palette = new Palette(results != null ? results.labels() : List.of());
    Map<String, String> figures = figures(results, pareto, landing, palette);
    Path report = dir.resolve("report");
    Path figureDir = report.resolve("figures");
    try {
      Files.createDirectories(figureDir);
      for (Map.Entry<String, String> f : figures.entrySet()) {
        atomically(
            figureDir.resolve(f.getKey() + ".svg"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + f.getValue());
      }
      if (landing != null) {
        Path csv = report.resolve(".landing.csv.tmp");
        landing.table().write().csv(csv.toFile());
        Files.move(
            csv,
            report.resolve("landing.csv"),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      String page =
          new ReportPage(results, pareto, landing, palette, figures, Instant.now()).html();
      Path index = report.resolve("index.html");
      atomically(index, page);
      return index;
    } catch (IOException e) {
      throw new ReportException(report + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> figures(
      SuiteResults r, ParetoResults pareto, Landing landing, Palette palette) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r != null && r.epochs() != null && r.epochs().rowCount() > 0) {
      Figures f = new Figures(r, palette);
      String first = firstObjective(r);
      out.put(
          "accuracy",
          Svg.render(
              f.curves(
                  "train_accuracy",
                  "test_accuracy",
                  "Accuracy (train solid, test dotted; band: min-max over seeds)",
                  "accuracy")));
      out.put(
          "loss",
          Svg.render(
              f.curves(
                  "train_" + first,
                  "test_" + first,
                  "Objective " + first + " (train solid, test dotted)",
                  first)));
      if (r.layers() != null && r.layers().rowCount() > 0) {
        out.put("nonzeros", Svg.render(f.nonzerosPerLayer()));
      }
      JFreeChart weights = f.chosenWeights(first);
      if (weights.getXYPlot().getDataset().getSeriesCount() > 0) {
        out.put("weights", Svg.render(weights));
      }
    }
    if (r != null && r.summary().containsColumn("dense_nonzeros")) {
      out.put("accuracy-vs-nonzeros", Svg.render(new Figures(r, palette).accuracyVsNonzeros()));
    }
    if (landing != null) {
      out.put("landing", Svg.render(ParetoFigures.landing(landing, palette)));
    }
    if (pareto != null) {
      ParetoFigures f = new ParetoFigures(pareto);
      out.put("pareto-objectives", Svg.render(f.objectives()));
      if (pareto.hasAccuracy()) {
        out.put("pareto-accuracy", Svg.render(f.accuracy()));
      }
      JFreeChart acc = f.kneeAccuracy();
      if (acc != null) {
        out.put("knee-accuracy", Svg.render(acc));
      }
      JFreeChart nz = f.kneeNonzeros();
      if (nz != null) {
        out.put("knee-nonzeros", Svg.render(nz));
      }
    }
    return out;
  }

  static String firstObjective(SuiteResults r) {
    for (JsonNode m : r.manifests()) {
      JsonNode o = m.get("objectives");
      if (o != null && o.size() > 0) {
        return o.get(0).asText();
      }
    }
    return "f1";
  }

  private static void atomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static List<String> figureOrder() {
    return List.of(
        "accuracy",
        "loss",
        "nonzeros",
        "weights",
        "accuracy-vs-nonzeros",
        "landing",
        "pareto-objectives",
        "pareto-accuracy",
        "knee-accuracy",
        "knee-nonzeros");
  }
}
