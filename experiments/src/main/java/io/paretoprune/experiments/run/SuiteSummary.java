package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Builds {@code summary.csv} (one row per finished run, final figures) from the run directories,
 * then the statistics across seeds. Only complete run directories are read, so a summary written
 * after an interrupted suite is consistent with what exists.
 */
public final class SuiteSummary {
  private SuiteSummary() {}

  public static Table write(Path resultsDir, SuiteSpec suite) throws IOException {
    Path runs = resultsDir.resolve("runs");
    Table summary = build(runs);
    // Rows in the suite's order of optimizers, then by seed: the first optimizer is the baseline.
    List<String> order = suite.optimizers().stream().map(SuiteSpec.OptimizerSpec::label).toList();
    summary =
        summary.sortOn(
            (a, b) -> {
              int la = order.indexOf(a.getString("label"));
              int lb = order.indexOf(b.getString("label"));
              return la != lb
                  ? Integer.compare(la, lb)
                  : Long.compare(a.getLong("seed"), b.getLong("seed"));
            });
    writeAtomically(summary, resultsDir.resolve("summary.csv"));
    SuiteStatistics.write(resultsDir, summary, suite, testSplits(runs));
    return summary;
  }

  /** Writes a table as CSV through a temporary file and a rename. */
  public static void writeAtomically(Table table, Path file) throws IOException {
    io.paretoprune.core.io.AtomicFiles.write(file, out -> table.write().csv(out));
  }

  /** The complete run directories below {@code runs}, by name. */
  private static List<Path> runDirectories(Path runs) throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (Files.isDirectory(runs)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(runs)) {
        for (Path p : s) {
          if (!p.getFileName().toString().startsWith(".")
              && Files.isRegularFile(p.resolve("manifest.json"))) {
            dirs.add(p);
          }
        }
      }
    }
    dirs.sort(null);
    return dirs;
  }

  /**
   * The further test splits the runs were evaluated on ({@code testSplits} of their manifests), in
   * the order they first appear; none for runs written before there were any.
   */
  static List<String> testSplits(Path runs) throws IOException {
    List<String> splits = new ArrayList<>();
    for (Path dir : runDirectories(runs)) {
      for (JsonNode s :
          RunExecutor.JSON.readTree(dir.resolve("manifest.json").toFile()).path("testSplits")) {
        if (!splits.contains(s.asText())) {
          splits.add(s.asText());
        }
      }
    }
    return splits;
  }

  static Table build(Path runs) throws IOException {
    List<Path> dirs = runDirectories(runs);
    List<JsonNode> manifests = new ArrayList<>();
    List<String> objectiveColumns = new ArrayList<>();
    for (Path dir : dirs) {
      JsonNode m = RunExecutor.JSON.readTree(dir.resolve("manifest.json").toFile());
      manifests.add(m);
      for (JsonNode o : m.get("objectives")) {
        if (!objectiveColumns.contains("test_" + o.asText())) {
          objectiveColumns.add("test_" + o.asText());
        }
      }
    }
    Table t =
        Table.create(
            "summary",
            StringColumn.create("run_id"),
            StringColumn.create("label"),
            StringColumn.create("optimizer"),
            StringColumn.create("pruning"),
            LongColumn.create("seed"),
            StringColumn.create("status"),
            IntColumn.create("epochs"),
            IntColumn.create("diverged_at_epoch"));
    List<String> metricColumns = new ArrayList<>();
    List<String> metrics = TaskFile.metricNames(runs.getParent());
    for (String metric : metrics) {
      metricColumns.add("test_" + metric);
      metricColumns.add("train_" + metric);
    }
    // Each further test split's metrics (their losses stay in epochs.csv); a run without the split
    // has them missing.
    for (String split : testSplits(runs)) {
      for (String metric : metrics) {
        metricColumns.add(RunTables.splitColumn(split, metric));
      }
    }
    for (String c : metricColumns) {
      t.addColumns(DoubleColumn.create(c));
    }
    for (String c : objectiveColumns) {
      t.addColumns(DoubleColumn.create(c));
    }
    for (String c :
        List.of("dense_nonzeros", "dense_size", "dense_sparsity", "dense_l1", "wall_seconds")) {
      t.addColumns(DoubleColumn.create(c));
    }
    for (int i = 0; i < dirs.size(); i++) {
      Path dir = dirs.get(i);
      JsonNode m = manifests.get(i);
      Table epochs =
          Table.read()
              .usingOptions(
                  CsvReadOptions.builder(dir.resolve("epochs.csv").toFile())
                      .tableName(dir.toString())
                      .missingValueIndicator("", "NaN"));
      int last = epochs.rowCount() - 1;
      t.stringColumn("run_id").append(m.get("runId").asText());
      t.stringColumn("label").append(m.get("label").asText());
      t.stringColumn("optimizer").append(m.get("optimizer").asText());
      t.stringColumn("pruning").append(m.get("pruning").asText());
      t.longColumn("seed").append(m.get("seed").asLong());
      t.stringColumn("status").append(m.get("status").asText());
      t.intColumn("epochs").append(last + 1);
      t.intColumn("diverged_at_epoch").append(m.get("divergedAtEpoch").asInt());
      for (String c : metricColumns) {
        appendDouble(t, c, epochs, c, last);
      }
      for (String c : List.of("dense_nonzeros", "dense_size")) {
        appendDouble(t, c, epochs, c, last);
      }
      for (String c : objectiveColumns) {
        appendDouble(t, c, epochs, c, last);
      }
      if (last < 0) {
        t.doubleColumn("dense_sparsity").appendMissing();
        t.doubleColumn("dense_l1").appendMissing();
      } else {
        double nz = t.doubleColumn("dense_nonzeros").get(i);
        double size = t.doubleColumn("dense_size").get(i);
        t.doubleColumn("dense_sparsity").append(size == 0 ? Double.NaN : 1 - nz / size);
        t.doubleColumn("dense_l1").append(denseL1(dir, last + 1));
      }
      t.doubleColumn("wall_seconds").append(m.get("wallSeconds").asDouble());
    }
    return t;
  }

  private static double denseL1(Path dir, int epoch) throws IOException {
    Table layers = Table.read().csv(dir.resolve("layers.csv").toFile());
    double sum = 0;
    for (Row r : layers) {
      if (r.getInt("epoch") == epoch && r.getString("kind").startsWith("DENSE")) {
        sum += r.getDouble("l1");
      }
    }
    return sum;
  }

  private static void appendDouble(Table t, String target, Table epochs, String source, int last) {
    if (last < 0 || !epochs.containsColumn(source)) {
      t.doubleColumn(target).appendMissing();
    } else {
      t.doubleColumn(target).append(((Number) epochs.column(source).get(last)).doubleValue());
    }
  }
}
