package io.paretoprune.experiments.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A validated view of a {@code summary.csv}-shaped table: runs grouped by label (in order of first
 * appearance), each with its seed and status. Only {@code completed} runs give values; every other
 * status is counted as excluded.
 */
final class SummaryTable {
  static final String LABEL = "label";
  static final String SEED = "seed";
  static final String STATUS = "status";
  static final String COMPLETED = "completed";

  record Run(long seed, String status, int row) {
    boolean completed() {
      return status.equals(COMPLETED);
    }
  }

  /** The completed runs of one label that have a value of one metric. */
  record Sample(
      String label,
      SortedMap<Long, Double> bySeed,
      Set<Long> allSeeds,
      Map<String, Integer> excluded,
      int missing) {
    double[] values() {
      return bySeed.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    int excludedCount() {
      return excluded.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "2 diverged, 1 failed excluded; 1 without a value", or empty. */
    String exclusionNote() {
      List<String> parts = new ArrayList<>();
      if (!excluded.isEmpty()) {
        List<String> counts = new ArrayList<>();
        excluded.forEach((status, count) -> counts.add(count + " " + status));
        parts.add(String.join(", ", counts) + " excluded");
      }
      if (missing > 0) {
        parts.add(missing + " completed without a value");
      }
      return String.join("; ", parts);
    }
  }

  private final Table table;
  private final Map<String, List<Run>> runs = new LinkedHashMap<>();

  private SummaryTable(Table table) {
    this.table = table;
  }

  static SummaryTable of(Table table) {
    SummaryTable s = new SummaryTable(table);
    Column<?> label = s.column(LABEL);
    NumericColumn<?> seed = s.numeric(SEED);
    Column<?> status = s.column(STATUS);
    for (int row = 0; row < table.rowCount(); row++) {
      String l = label.getString(row).trim();
      if (l.isEmpty()) {
        throw s.error("row " + (row + 1) + " has an empty '" + LABEL + "'");
      }
      if (seed.isMissing(row)) {
        throw s.error("row " + (row + 1) + " has no '" + SEED + "'");
      }
      String st = status.getString(row).trim().toLowerCase(Locale.ROOT);
      if (st.isEmpty()) {
        throw s.error("row " + (row + 1) + " has an empty '" + STATUS + "'");
      }
      Run run = new Run((long) seed.getDouble(row), st, row);
      List<Run> list = s.runs.computeIfAbsent(l, k -> new ArrayList<>());
      if (run.completed() && list.stream().anyMatch(r -> r.completed() && r.seed() == run.seed())) {
        throw s.error("label '" + l + "' has two completed runs with seed " + run.seed());
      }
      list.add(run);
    }
    return s;
  }

  String name() {
    return table.name() == null ? "" : table.name();
  }

  List<String> labels() {
    return List.copyOf(runs.keySet());
  }

  boolean hasLabel(String label) {
    return runs.containsKey(label);
  }

  /** Checks that {@code metric} is a numeric column; throws a {@link SummaryFormatException}. */
  void requireMetric(String metric) {
    numeric(metric);
  }

  Sample sample(String label, String metric) {
    NumericColumn<?> column = numeric(metric);
    SortedMap<Long, Double> bySeed = new TreeMap<>();
    Set<Long> allSeeds = new TreeSet<>();
    Map<String, Integer> excluded = new TreeMap<>();
    int missing = 0;
    for (Run run : runs.getOrDefault(label, List.of())) {
      allSeeds.add(run.seed());
      if (!run.completed()) {
        excluded.merge(run.status(), 1, Integer::sum);
      } else if (column.isMissing(run.row()) || !Double.isFinite(column.getDouble(run.row()))) {
        missing++;
      } else {
        bySeed.put(run.seed(), column.getDouble(run.row()));
      }
    }
    return new Sample(label, bySeed, allSeeds, excluded, missing);
  }

  private Column<?> column(String name) {
    if (!table.containsColumn(name)) {
      throw error(
          "no column '" + name + "' (columns: " + String.join(", ", table.columnNames()) + ")");
    }
    return table.column(name);
  }

  private NumericColumn<?> numeric(String name) {
    Column<?> c = column(name);
    if (!(c instanceof NumericColumn<?> n)) {
      throw error("column '" + name + "' must be numeric, is " + c.type().name());
    }
    return n;
  }

  private SummaryFormatException error(String problem) {
    return new SummaryFormatException(name(), problem);
  }
}
