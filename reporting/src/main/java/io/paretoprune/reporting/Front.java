package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;
import io.paretoprune.stats.ParetoFront;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Row;

/**
 * A weighted-sum front in (the task's primary test metric, dense nonzeros), to place a suite's
 * optimizers against: the evaluated weightings of a Pareto search, or the labels of a suite whose
 * every run is a weighted sum (the {@code weighted} optimizer, as {@code suites/front-mnist.yaml}).
 *
 * @param metric the primary metric the points are measured in
 * @param source what the front was read from, for captions
 * @param points every weighting (metric, nonzeros; for a suite the mean over its seeds)
 * @param knee the knee the search chose (its point), or for a suite the chord knee; may be null
 * @param kneeRule how {@code knee} was chosen, in words
 * @param retrainedKnee the knee trained again for the suite's full epochs; may be null
 * @param epochs the epochs each weighting was trained, -1 when unknown or mixed
 * @param denseSize the number of dense weights, NaN when unknown
 */
record Front(
    MetricSpec metric,
    String source,
    List<Pt> points,
    Pt knee,
    String kneeRule,
    Pt retrainedKnee,
    int epochs,
    double denseSize) {

  /** A point of the front: its name (c2 or label), test metric value and dense nonzeros. */
  record Pt(String name, double c2, double value, double nonzeros) {}

  /** {@code (nonzeros, minimised metric)} of each point: both minimised, as {@link ParetoFront}. */
  static double[][] xy(List<Pt> pts, MetricSpec metric) {
    return pts.stream()
        .map(p -> new double[] {p.nonzeros(), metric.minimised(p.value())})
        .toArray(double[][]::new);
  }

  /**
   * The points not dominated in (minimised metric, nonzeros), both minimised (for accuracy: 1 -
   * accuracy), by nonzeros ascending.
   */
  List<Pt> nonDominated() {
    return Arrays.stream(ParetoFront.nonDominated(xy(points, metric)))
        .mapToObj(points::get)
        .toList();
  }

  /** The front of a Pareto search; a ReportException when it has no metric and nonzeros. */
  static Front of(ParetoResults p, Path file) {
    MetricSpec metric = p.metric();
    if (!p.hasMetric()) {
      throw new ReportException(
          file
              + ": no "
              + metric.testColumn()
              + " and dense_nonzeros columns, so no front to place methods on");
    }
    List<Pt> pts = new ArrayList<>();
    for (ParetoResults.Point q : p.points()) {
      if (Double.isFinite(q.value()) && Double.isFinite(q.nonzeros())) {
        pts.add(new Pt("c2 = " + Axes.plain(q.c2()), q.c2(), q.value(), q.nonzeros()));
      }
    }
    ParetoResults.Point k = p.usedKnee();
    Pt knee =
        k == null || !Double.isFinite(k.value())
            ? null
            : new Pt("c2 = " + Axes.plain(k.c2()), k.c2(), k.value(), k.nonzeros());
    Pt retrained = null;
    if (p.knee() != null && p.knee().epochs().rowCount() > 0) {
      var e = p.knee().epochs();
      int last = e.rowCount() - 1;
      if (e.containsColumn(metric.testColumn()) && e.containsColumn("dense_nonzeros")) {
        double c2 = p.knee().c2();
        retrained =
            new Pt(
                "c2 = " + Axes.plain(c2) + ", " + ParetoFigures.epochs(e.rowCount()),
                c2,
                e.numberColumn(metric.testColumn()).getDouble(last),
                e.numberColumn("dense_nonzeros").getDouble(last));
      }
    }
    var point = p.info() == null ? null : p.info().path("retrained").path("point");
    if (retrained != null
        && p.seedsPerWeighting() > 1
        && point.path("payload").path(metric.testColumn()).isNumber()
        && point.path("payload").path("dense_nonzeros").isNumber()) {
      // Retrained once per seed: the knee is their mean (pareto.json), not the first seed's run.
      retrained =
          new Pt(
              retrained.name() + ", mean of " + p.seedsPerWeighting() + " seeds",
              retrained.c2(),
              point.path("payload").path(metric.testColumn()).asDouble(),
              point.path("payload").path("dense_nonzeros").asDouble());
    }
    String rule =
        p.kneeRule() == null
            ? "knee rule not recorded"
            : p.kneeRule().equals("paper")
                ? "the paper's rule (largest jump of c1/c2)"
                : "the chord rule (farthest from the chord)";
    return new Front(
        metric,
        "Pareto search " + p.name(),
        pts,
        knee,
        rule,
        retrained,
        p.searchEpochs(),
        p.denseSize());
  }

  /**
   * The front given with {@code --front}: a Pareto search's results (or its {@code pareto/}
   * folder), or a suite's results whose runs are all weighted sums.
   */
  static Front read(Path dir, MetricSpec metric) {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": no such folder (given as the front)");
    }
    ParetoResults p = ParetoResults.read(dir);
    Path base = p != null ? ParetoResults.resultsFolder(p.dir()) : dir;
    MetricSpec own = p != null ? p.metric() : ResultsTask.read(dir).primary();
    if (!own.name().equals(metric.name())) {
      throw new ReportException(
          base.resolve(ResultsTask.FILE)
              + ": the front is measured in "
              + own.name()
              + ", the suite in "
              + metric.name()
              + "; a front places a suite's optimizers only in the same metric");
    }
    if (p != null) {
      return of(p, p.dir().resolve("pareto.csv"));
    }
    Path summary = dir.resolve("summary.csv");
    if (!Files.isRegularFile(summary)) {
      throw new ReportException(
          dir.resolve("pareto").resolve("pareto.csv")
              + ": not found, nor "
              + summary
              + "; the front must be a Pareto search's results or a suite of weighted-sum runs");
    }
    SuiteResults s = SuiteResults.read(dir);
    if (!s.summary().containsColumn("optimizer")
        || !s.summary().containsColumn("dense_nonzeros")
        || s.summary().stringColumn("optimizer").asList().stream()
            .anyMatch(o -> !o.equals("weighted"))) {
      throw new ReportException(
          summary
              + ": not a front: every run of a front suite must use the weighted optimizer"
              + " (a weighted sum), and "
              + dir.resolve("pareto").resolve("pareto.csv")
              + " is not found");
    }
    return ofSuite(s);
  }

  /** Every label of a weighted-sum suite as one point (mean over its completed seeds). */
  static Front ofSuite(SuiteResults s) {
    MetricSpec metric = s.metric();
    String column = metric.testColumn();
    Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
    double size = Double.NaN;
    int epochs = -2;
    for (Row row : s.summary()) {
      if (!row.getString("status").equals("completed")
          || row.isMissing(column)
          || row.isMissing("dense_nonzeros")) {
        continue;
      }
      byLabel
          .computeIfAbsent(row.getString("label"), k -> new ArrayList<>())
          .add(new double[] {row.getNumber(column), row.getNumber("dense_nonzeros")});
      if (s.summary().containsColumn("dense_size") && !row.isMissing("dense_size")) {
        size = row.getNumber("dense_size");
      }
      if (s.summary().containsColumn("epochs")) {
        int e = (int) row.getNumber("epochs");
        epochs = epochs == -2 || epochs == e ? e : -1;
      }
    }
    List<Pt> pts = new ArrayList<>();
    byLabel.forEach(
        (label, v) ->
            pts.add(
                new Pt(
                    label,
                    Double.NaN,
                    v.stream().mapToDouble(a -> a[0]).average().orElseThrow(),
                    v.stream().mapToDouble(a -> a[1]).average().orElseThrow())));
    if (pts.isEmpty()) {
      throw new ReportException(
          s.suite() + "/summary.csv: no completed run with " + column + " and dense_nonzeros");
    }
    Front f =
        new Front(metric, "suite " + s.suite(), pts, null, "", null, Math.max(-1, epochs), size);
    List<Pt> front = f.nonDominated();
    int knee = ParetoFront.chordKnee(xy(front, metric));
    return new Front(
        metric,
        f.source,
        pts,
        knee < 0 ? null : front.get(knee),
        "the chord rule in (" + minimisedName(metric) + ", nonzeros / dense size), computed here",
        null,
        f.epochs,
        size);
  }

  /** How the minimised coordinate of a metric reads: {@code 1 - accuracy}, {@code wer}. */
  static String minimisedName(MetricSpec m) {
    return minimisedName(m, "");
  }

  /** The same with {@code prefix} before the label: {@code 1 - test accuracy}. */
  static String minimisedName(MetricSpec m, String prefix) {
    String l = prefix + m.label();
    if (!m.higherIsBetter()) {
      return m.min() == 0 || Double.isInfinite(m.min()) ? l : l + " - " + Axes.plain(m.min());
    }
    return Double.isInfinite(m.max()) ? "-" + l : Axes.plain(m.max()) + " - " + l;
  }

  /** The minimised coordinate of a point (for accuracy its error rate, 1 - accuracy). */
  double minimised(Pt p) {
    return metric.minimised(p.value());
  }

  /**
   * The nonzeros that scale the x coordinate: the dense size, else (unknown) the largest nonzeros
   * seen.
   */
  double scale() {
    if (Double.isFinite(denseSize) && denseSize > 0) {
      return denseSize;
    }
    return points.stream().mapToDouble(Pt::nonzeros).max().orElse(1);
  }
}
