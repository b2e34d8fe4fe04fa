package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.stats.MetricSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A suite's results read back from disk (docs/results-format.md) as Tablesaw tables. Only {@code
 * summary.csv} is required; every other part is optional and its figure left out. A Pareto search
 * in the same folder is read by {@link ParetoResults}.
 */
record SuiteResults(
    String suite,
    ResultsTask task,
    Table summary,
    Table epochs,
    Table layers,
    Table aggregate,
    Table stats,
    List<JsonNode> manifests) {

  static SuiteResults read(Path dir) {
    Path summaryFile = dir.resolve("summary.csv");
    if (!Files.isRegularFile(summaryFile)) {
      throw new ReportException(
          summaryFile + ": not found; is " + dir + " a suite's results directory?");
    }
    ResultsTask task = ResultsTask.read(dir);
    Table summary = csv(summaryFile);
    for (String c : List.of("run_id", "label", "seed", "status", task.primary().testColumn())) {
      if (!summary.containsColumn(c)) {
        throw new ReportException(summaryFile + ": column '" + c + "' is missing");
      }
    }
    List<JsonNode> manifests = new ArrayList<>();
    Table epochs = null;
    Table layers = null;
    Path runs = dir.resolve("runs");
    ObjectMapper json = new ObjectMapper();
    if (Files.isDirectory(runs)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(runs)) {
        List<Path> dirs = new ArrayList<>();
        s.forEach(dirs::add);
        dirs.sort(null);
        for (Path run : dirs) {
          if (run.getFileName().toString().startsWith(".")
              || !Files.isRegularFile(run.resolve("manifest.json"))) {
            continue;
          }
          try {
            manifests.add(json.readTree(run.resolve("manifest.json").toFile()));
          } catch (IOException e) {
            throw new ReportException(
                run.resolve("manifest.json") + ": not valid JSON: " + e.getMessage(), e);
          }
          epochs = append(epochs, csv(run.resolve("epochs.csv")), run.resolve("epochs.csv"));
          layers = append(layers, csv(run.resolve("layers.csv")), run.resolve("layers.csv"));
        }
      } catch (IOException e) {
        throw new ReportException(runs + ": cannot list: " + e.getMessage(), e);
      }
    }
    String suite = dir.toAbsolutePath().normalize().getFileName().toString();
    return new SuiteResults(
        suite,
        task,
        summary,
        epochs,
        layers,
        optional(dir.resolve("aggregate.csv")),
        optional(dir.resolve("stats.csv")),
        manifests);
  }

  private static Table append(Table all, Table one, Path file) {
    widen(one);
    if (all == null) {
      return one;
    }
    if (!all.columnNames().equals(one.columnNames())) {
      if (!problemColumns(all).equals(problemColumns(one))) {
        return all; // another problem's runs (different objectives) are reported from summary.csv
      }
      // The same problem, but a combiner reported values of its own (min-norm's gn_* columns):
      // every run gets every column, missing where its rule reported nothing.
      java.util.List<String> names = new java.util.ArrayList<>(all.columnNames());
      one.columnNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
      all = aligned(all, names);
      one = aligned(one, names);
    }
    try {
      return all.append(one);
    } catch (IllegalArgumentException e) {
      throw new ReportException(
          file + ": columns do not match the other runs': " + e.getMessage(), e);
    }
  }

  /** The columns that say which problem a run solved: objectives, groups and their weights. */
  private static java.util.Set<String> problemColumns(Table t) {
    java.util.Set<String> s = new java.util.TreeSet<>();
    for (String n : t.columnNames()) {
      if (n.startsWith("train_") || n.startsWith("test_") || n.startsWith("w_")) {
        s.add(n);
      }
    }
    return s;
  }

  /** {@code t} with exactly the columns {@code names} in that order, absent ones all missing. */
  private static Table aligned(Table t, java.util.List<String> names) {
    if (t.columnNames().equals(names)) {
      return t;
    }
    Table out = Table.create(t.name());
    for (String n : names) {
      if (t.columnNames().contains(n)) {
        out.addColumns(t.column(n));
      } else {
        tech.tablesaw.api.DoubleColumn c = tech.tablesaw.api.DoubleColumn.create(n);
        for (int i = 0; i < t.rowCount(); i++) {
          c.appendMissing();
        }
        out.addColumns(c);
      }
    }
    return out;
  }

  /**
   * CSV readers guess types per file: a column of whole numbers in one run (fixed weights 1, 0) is
   * an integer column, in another a double one. Every numeric column but the epoch and seed becomes
   * double so that the runs' tables stack.
   */
  private static void widen(Table t) {
    for (String name : t.columnNames()) {
      if (name.equals("epoch") || name.equals("seed")) {
        continue;
      }
      tech.tablesaw.columns.Column<?> c = t.column(name);
      if (c instanceof tech.tablesaw.api.StringColumn sc
          && !TEXT_COLUMNS.containsKey(name)
          && sc.countMissing() == sc.size()) {
        // A column with no value at all (e.g. no direction norm for fixed weights) is numeric.
        tech.tablesaw.api.DoubleColumn empty = tech.tablesaw.api.DoubleColumn.create(name);
        for (int i = 0; i < sc.size(); i++) {
          empty.appendMissing();
        }
        t.replaceColumn(name, empty);
        continue;
      }
      if (c instanceof tech.tablesaw.api.NumericColumn<?> n
          && !(c instanceof tech.tablesaw.api.DoubleColumn)) {
        t.replaceColumn(name, n.asDoubleColumn().setName(name));
      }
    }
  }

  private static Table optional(Path file) {
    return Files.isRegularFile(file) ? csv(file) : null;
  }

  static Table csv(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ReportException(file + ": not found");
    }
    try {
      return Table.read()
          .usingOptions(
              CsvReadOptions.builder(file.toFile())
                  .tableName(file.toString())
                  .columnTypesPartial(TEXT_COLUMNS)
                  .missingValueIndicator("", "NaN"));
    } catch (RuntimeException e) {
      throw new ReportException(
          file + ": not a readable CSV table: " + firstLine(e.getMessage()), e);
    }
  }

  /** Columns that are text even when their values look like numbers (a label "1", say). */
  private static final java.util.Map<String, tech.tablesaw.api.ColumnType> TEXT_COLUMNS =
      java.util.Map.of(
          "label",
          tech.tablesaw.api.ColumnType.STRING,
          "run_id",
          tech.tablesaw.api.ColumnType.STRING,
          "status",
          tech.tablesaw.api.ColumnType.STRING,
          "label_a",
          tech.tablesaw.api.ColumnType.STRING,
          "label_b",
          tech.tablesaw.api.ColumnType.STRING,
          "note",
          tech.tablesaw.api.ColumnType.STRING,
          "significant",
          tech.tablesaw.api.ColumnType.STRING,
          "search",
          tech.tablesaw.api.ColumnType.STRING);

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** The task's primary metric, which the report is drawn in. */
  MetricSpec metric() {
    return task.primary();
  }

  /**
   * The further test splits the runs were evaluated on besides the test split ({@code testSplits}
   * of their manifests, in the order they first appear): summary.csv's {@code
   * test_<split>_<metric>} columns. None for image data sets and for runs written before.
   */
  List<String> testSplits() {
    List<String> splits = new ArrayList<>();
    for (JsonNode m : manifests) {
      for (JsonNode s : m.path("testSplits")) {
        if (!splits.contains(s.asText())) {
          splits.add(s.asText());
        }
      }
    }
    return splits;
  }

  /** Optimizer labels in the order they first appear in the summary. */
  List<String> labels() {
    return summary.stringColumn("label").unique().asList().stream()
        .sorted(
            (a, b) ->
                Integer.compare(
                    summary.stringColumn("label").indexOf(a),
                    summary.stringColumn("label").indexOf(b)))
        .toList();
  }
}
