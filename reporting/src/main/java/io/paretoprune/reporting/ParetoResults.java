package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.paretoprune.stats.MetricSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A weighted-sum Pareto search read back from {@code <results>/pareto/} (docs/results-format.md):
 * every evaluated weighting of {@code pareto.csv}, the summary of {@code pareto.json}, the runs of
 * {@code pareto/runs/} and, when the search retrained its knee, that run's epochs.
 *
 * @param dir the {@code pareto/} folder
 * @param metric the task's primary metric (task.json of the results folder), whose {@code
 *     test_<name>} column of pareto.csv the points' values come from
 * @param points the evaluated weightings in search order; when the weightings trained several seeds
 *     each (pareto-means.csv is there) their means with 95% t intervals
 * @param seedPoints the runs of those seeds (pareto.csv's rows, each with its weighting's flags);
 *     empty for a search of one seed per weighting
 * @param info pareto.json, or null when there is none
 * @param kneeRule {@code chord} or {@code paper}, the rule the search retrained by; null when the
 *     results do not say
 * @param kneeRuleSource the file that named the rule
 * @param manifests the manifests of the weightings' runs (not the retrained knee's)
 * @param knee the retrained knee's run, or null
 */
record ParetoResults(
    Path dir,
    MetricSpec metric,
    List<Point> points,
    List<Point> seedPoints,
    JsonNode info,
    String kneeRule,
    String kneeRuleSource,
    List<JsonNode> manifests,
    KneeRun knee) {

  /**
   * One evaluated weighting (or one seed's run of it); {@code value} (its primary test metric) and
   * nonzeros are NaN when pareto.csv has no such column.
   *
   * @param bars the 95% t intervals over the seeds of a mean, null for a single run
   */
  record Point(
      int order,
      double c1,
      double c2,
      double f1,
      double f2,
      boolean dominated,
      boolean kneePaper,
      boolean kneeChord,
      double value,
      double nonzeros,
      Bars bars) {}

  /** {low, high} of each figure of a mean over seeds; NaN where pareto-means.csv has none. */
  record Bars(double[] f1, double[] f2, double[] value, double[] nonzeros) {}

  /** The per-weighting table of a search with several seeds per weighting. */
  static final String MEANS = "pareto-means.csv";

  /** The knee retrained for the suite's full epochs: its manifest and epochs.csv. */
  record KneeRun(String runId, JsonNode manifest, Table epochs) {
    /** The weighting's c2 (its manifest's optimizer weights), NaN when it has none. */
    double c2() {
      return kneeC2(manifest);
    }
  }

  static final List<String> REQUIRED = List.of("c1", "c2", "f1", "f2", "dominated");

  /** The {@code pareto/} folder of a results folder, or the folder itself when it is one. */
  static Path locate(Path dir) {
    if (Files.isRegularFile(dir.resolve("pareto").resolve("pareto.csv"))) {
      return dir.resolve("pareto");
    }
    if (Files.isRegularFile(dir.resolve("pareto.csv"))) {
      return dir;
    }
    return null;
  }

  /** Reads the search of results folder {@code dir}; null when it holds none. */
  static ParetoResults read(Path dir) {
    Path p = locate(dir);
    if (p == null) {
      return null;
    }
    MetricSpec metric = ResultsTask.read(resultsFolder(p)).primary();
    Path csvFile = p.resolve("pareto.csv");
    Path meansFile = p.resolve(MEANS);
    boolean seeded = Files.isRegularFile(meansFile);
    List<Point> points = points(seeded ? meansFile : csvFile, metric, seeded);
    List<Point> seedPoints = seeded ? points(csvFile, metric, false) : List.of();
    ObjectMapper json = new ObjectMapper();
    JsonNode info = null;
    Path infoFile = p.resolve("pareto.json");
    if (Files.isRegularFile(infoFile)) {
      try {
        info = json.readTree(infoFile.toFile());
      } catch (IOException e) {
        throw new ReportException(infoFile + ": not valid JSON: " + firstLine(e.getMessage()), e);
      }
    }
    return rest(p, metric, points, seedPoints, info, json);
  }

  /** The weightings (or runs) of one of the search's tables; {@code bars} reads the intervals. */
  private static List<Point> points(Path csvFile, MetricSpec metric, boolean bars) {
    Table t = SuiteResults.csv(csvFile);
    for (String c : REQUIRED) {
      if (!t.containsColumn(c)) {
        throw new ReportException(csvFile + ": column '" + c + "' is missing");
      }
    }
    if (t.rowCount() == 0) {
      throw new ReportException(csvFile + ": no evaluated weighting in it");
    }
    for (String c :
        List.of("c1", "c2", "f1", "f2", metric.testColumn(), "dense_nonzeros", "order")) {
      if (t.containsColumn(c) && !(t.column(c) instanceof tech.tablesaw.api.NumericColumn<?>)) {
        throw new ReportException(
            csvFile + ": column '" + c + "' is not numeric (" + firstNonNumber(t.column(c)) + ")");
      }
    }
    List<Point> points = new ArrayList<>();
    int i = 0;
    for (Row row : t) {
      i++;
      points.add(
          new Point(
              t.containsColumn("order") && !row.isMissing("order")
                  ? (int) row.getNumber("order")
                  : i,
              number(row, "c1", csvFile, i),
              number(row, "c2", csvFile, i),
              number(row, "f1", csvFile, i),
              number(row, "f2", csvFile, i),
              bool(row, "dominated", csvFile, i),
              t.containsColumn("knee_paper") && bool(row, "knee_paper", csvFile, i),
              t.containsColumn("knee_chord") && bool(row, "knee_chord", csvFile, i),
              optional(row, metric.testColumn()),
              optional(row, "dense_nonzeros"),
              bars
                  ? new Bars(
                      interval(row, "f1"),
                      interval(row, "f2"),
                      interval(row, metric.testColumn()),
                      interval(row, "dense_nonzeros"))
                  : null));
    }
    return points;
  }

  private static double[] interval(Row row, String c) {
    return new double[] {optional(row, c + "_ci_low"), optional(row, c + "_ci_high")};
  }

  private static ParetoResults rest(
      Path p,
      MetricSpec metric,
      List<Point> points,
      List<Point> seedPoints,
      JsonNode info,
      ObjectMapper json) {
    String rule = null;
    String source = null;
    if (info != null && info.path("knee").isTextual()) {
      rule = info.get("knee").asText();
      source = "pareto.json";
    } else if (info != null && info.path("retrained").path("rule").isTextual()) {
      rule = info.path("retrained").path("rule").asText();
      source = "pareto.json (retrained)";
    } else {
      Path yaml = p.getParent() == null ? null : p.getParent().resolve("suite.yaml");
      if (yaml != null && Files.isRegularFile(yaml)) {
        try {
          JsonNode k = new YAMLMapper().readTree(yaml.toFile()).path("pareto").path("knee");
          if (k.isTextual()) {
            rule = k.asText();
            source = "suite.yaml";
          }
        } catch (IOException e) {
          throw new ReportException(yaml + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
      }
    }
    List<JsonNode> manifests = new ArrayList<>();
    KneeRun knee = null;
    Path runs = p.resolve("runs");
    if (Files.isDirectory(runs)) {
      List<Path> dirs = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(runs)) {
        s.forEach(dirs::add);
      } catch (IOException e) {
        throw new ReportException(runs + ": cannot list: " + e.getMessage(), e);
      }
      dirs.sort(null);
      double retrainedC2 =
          info == null
              ? Double.NaN
              : info.path("retrained").path("point").path("c2").asDouble(Double.NaN);
      for (Path run : dirs) {
        String name = run.getFileName().toString();
        Path manifestFile = run.resolve("manifest.json");
        if (name.startsWith(".") || !Files.isRegularFile(manifestFile)) {
          continue;
        }
        JsonNode m;
        try {
          m = json.readTree(manifestFile.toFile());
        } catch (IOException e) {
          throw new ReportException(
              manifestFile + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (name.startsWith("knee-")) {
          KneeRun k = new KneeRun(name, m, SuiteResults.csv(run.resolve("epochs.csv")));
          // A search run again with another rule may have left an older knee: the JSON names it.
          if (knee == null
              || Math.abs(kneeC2(m) - retrainedC2) < 1e-12 * Math.max(1, retrainedC2)) {
            knee = k;
          }
        } else {
          manifests.add(m);
        }
      }
    }
    return new ParetoResults(
        p, metric, List.copyOf(points), seedPoints, info, rule, source, manifests, knee);
  }

  private static double kneeC2(JsonNode manifest) {
    JsonNode w = manifest.path("optimizerSettings").path("weights");
    return w.isArray() && w.size() > 1 ? w.get(1).asDouble() : Double.NaN;
  }

  /** The results folder of a search's folder: the parent of {@code pareto/}, else the folder. */
  static Path resultsFolder(Path paretoDir) {
    Path base = paretoDir.toAbsolutePath().normalize();
    Path parent = base.getFileName().toString().equals("pareto") ? base.getParent() : base;
    return parent == null ? base : parent;
  }

  /** The results folder's name (the parent of {@code pareto/}). */
  String name() {
    Path f = resultsFolder(dir);
    return f.getFileName() == null ? f.toString() : f.getFileName().toString();
  }

  /** True when some weighting has both its primary metric and its dense nonzeros. */
  boolean hasMetric() {
    return points.stream()
        .anyMatch(q -> Double.isFinite(q.value()) && Double.isFinite(q.nonzeros()));
  }

  /** The knee the search used: by its recorded rule, else the chord knee, else the paper's. */
  Point usedKnee() {
    Point chord = points.stream().filter(Point::kneeChord).findFirst().orElse(null);
    Point paper = points.stream().filter(Point::kneePaper).findFirst().orElse(null);
    if ("paper".equals(kneeRule)) {
      return paper;
    }
    if ("chord".equals(kneeRule)) {
      return chord;
    }
    return chord != null ? chord : paper;
  }

  /** How many seeds each weighting trained: 1 unless pareto-means.csv says more. */
  int seedsPerWeighting() {
    return seedPoints.isEmpty() ? 1 : Math.max(1, seedPoints.size() / points.size());
  }

  /** The weightings' epochs (from their manifests), or -1 when they differ or are unknown. */
  int searchEpochs() {
    int e = -1;
    for (JsonNode m : manifests) {
      int v = m.path("epochs").asInt(-1);
      if (e != -1 && v != e) {
        return -1;
      }
      e = v;
    }
    return e;
  }

  /** The number of dense weights (dense_size of the runs' epochs), NaN when unknown. */
  double denseSize() {
    if (knee != null
        && knee.epochs().containsColumn("dense_size")
        && knee.epochs().rowCount() > 0) {
      return knee.epochs().numberColumn("dense_size").getDouble(0);
    }
    for (JsonNode m : manifests) {
      Path e = dir.resolve("runs").resolve(m.path("runId").asText()).resolve("epochs.csv");
      if (Files.isRegularFile(e)) {
        Table t = SuiteResults.csv(e);
        if (t.containsColumn("dense_size") && t.rowCount() > 0) {
          return t.numberColumn("dense_size").getDouble(0);
        }
      }
    }
    return Double.NaN;
  }

  private static double number(Row row, String c, Path file, int line) {
    if (row.isMissing(c)) {
      throw new ReportException(file + ": row " + line + ": '" + c + "' is empty");
    }
    return row.getNumber(c);
  }

  private static double optional(Row row, String c) {
    return row.columnNames().contains(c) && !row.isMissing(c) ? row.getNumber(c) : Double.NaN;
  }

  private static boolean bool(Row row, String c, Path file, int line) {
    Object v = row.getObject(c);
    String s = v == null ? "" : v.toString();
    if (s.equalsIgnoreCase("true") || s.equals("1")) {
      return true;
    }
    if (s.equalsIgnoreCase("false") || s.equals("0")) {
      return false;
    }
    throw new ReportException(
        file + ": row " + line + ": '" + c + "' must be true or false, got '" + s + "'");
  }

  private static String firstNonNumber(Column<?> c) {
    for (int i = 0; i < c.size(); i++) {
      String s = c.getString(i);
      if (!s.isEmpty()) {
        try {
          Double.parseDouble(s);
        } catch (NumberFormatException e) {
          return "row " + (i + 1) + ": '" + s + "'";
        }
      }
    }
    return "not a number column";
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
