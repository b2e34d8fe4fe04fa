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
    System.setProperty("java.awt.headless", "true");
    SuiteResults results = SuiteResults.read(dir);
    Palette palette = new Palette(results.labels());
    Map<String, String> figures = figures(results, palette);
    Path report = dir.resolve("report");
    Path figureDir = report.resolve("figures");
    try {
      Files.createDirectories(figureDir);
      for (Map.Entry<String, String> f : figures.entrySet()) {
        atomically(
            figureDir.resolve(f.getKey() + ".svg"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + f.getValue());
      }
      String page = new ReportPage(results, palette, figures, Instant.now()).html();
      Path index = report.resolve("index.html");
      atomically(index, page);
      return index;
    } catch (IOException e) {
      throw new ReportException(report + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> figures(SuiteResults r, Palette palette) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r.epochs() != null && r.epochs().rowCount() > 0) {
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
    if (r.summary().containsColumn("dense_nonzeros")) {
      out.put("accuracy-vs-nonzeros", Svg.render(new Figures(r, palette).accuracyVsNonzeros()));
    }
    if (r.pareto() != null && r.pareto().rowCount() > 0) {
      Figures f = new Figures(r, palette);
      out.put(
          "pareto-objectives",
          Svg.render(
              f.paretoFront("f2", "f1", "f2 (L1 of dense kernels)", "f1 (test cross-entropy)")));
      if (r.pareto().containsColumn("test_accuracy")
          && r.pareto().containsColumn("dense_nonzeros")) {
        out.put(
            "pareto-accuracy",
            Svg.render(
                f.paretoFront(
                    "dense_nonzeros", "test_accuracy", "dense nonzeros", "test accuracy")));
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
        "pareto-objectives",
        "pareto-accuracy");
  }
}
