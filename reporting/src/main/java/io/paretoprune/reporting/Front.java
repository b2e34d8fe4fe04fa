package io.paretoprune.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Row;

/**
 * A weighted-sum front in (test accuracy, dense nonzeros), to place a suite's optimizers against:
 * the evaluated weightings of a Pareto search, or the labels of a suite whose every run is a
 * weighted sum (the {@code weighted} optimizer, as {@code suites/front-mnist.yaml}).
 *
 * @param source what the front was read from, for captions
 * @param points every weighting (accuracy, nonzeros; for a suite the mean over its seeds)
 * @param knee the knee the search chose (its point), or for a suite the chord knee; may be null
 * @param kneeRule how {@code knee} was chosen, in words
 * @param retrainedKnee the knee trained again for the suite's full epochs; may be null
 * @param epochs the epochs each weighting was trained, -1 when unknown or mixed
 * @param denseSize the number of dense weights, NaN when unknown
 */
record Front(
    String source,
    List<Pt> points,
    Pt knee,
    String kneeRule,
    Pt retrainedKnee,
    int epochs,
    double denseSize) {

  /** A point of the front: its name (c2 or label), test accuracy and dense nonzeros. */
  record Pt(String name, double c2, double accuracy, double nonzeros) {
    double error() {
      return 1 - accuracy;
    }
  }

  /**
   * The points not dominated in (1 - accuracy, nonzeros), both minimised, by nonzeros ascending.
   */
  List<Pt> nonDominated() {
    List<Pt> out = new ArrayList<>();
    for (Pt p : points) {
      boolean dominated =
          points.stream()
              .anyMatch(
                  q ->
                      q.error() <= p.error()
                          && q.nonzeros() <= p.nonzeros()
                          && (q.error() < p.error() || q.nonzeros() < p.nonzeros()));
      boolean duplicate =
          out.stream().anyMatch(q -> q.error() == p.error() && q.nonzeros() == p.nonzeros());
      if (!dominated && !duplicate) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingDouble(Pt::nonzeros).thenComparingDouble(Pt::error));
    return out;
  }

  /** The front of a Pareto search; a ReportException when it has no accuracy and nonzeros. */
  static Front of(ParetoResults p, Path file) {
    if (!p.hasAccuracy()) {
      throw new ReportException(
          file + ": no test_accuracy and dense_nonzeros columns, so no front to place methods on");
    }
    List<Pt> pts = new ArrayList<>();
    for (ParetoResults.Point q : p.points()) {
      if (Double.isFinite(q.accuracy()) && Double.isFinite(q.nonzeros())) {
        pts.add(new Pt("c2 = " + Axes.plain(q.c2()), q.c2(), q.accuracy(), q.nonzeros()));
      }
    }
    ParetoResults.Point k = p.usedKnee();
    Pt knee =
        k == null || !Double.isFinite(k.accuracy())
            ? null
            : new Pt("c2 = " + Axes.plain(k.c2()), k.c2(), k.accuracy(), k.nonzeros());
    Pt retrained = null;
    if (p.knee() != null && p.knee().epochs().rowCount() > 0) {
      var e = p.knee().epochs();
      int last = e.rowCount() - 1;
      if (e.containsColumn("test_accuracy") && e.containsColumn("dense_nonzeros")) {
        double c2 = p.knee().c2();
        retrained =
            new Pt(
                "c2 = " + Axes.plain(c2) + ", " + ParetoFigures.epochs(e.rowCount()),
                c2,
                e.numberColumn("test_accuracy").getDouble(last),
                e.numberColumn("dense_nonzeros").getDouble(last));
      }
    }
    String rule =
        p.kneeRule() == null
            ? "knee rule not recorded"
            : p.kneeRule().equals("paper")
                ? "the paper's rule (largest jump of c1/c2)"
                : "the chord rule (farthest from the chord)";
    return new Front(
        "Pareto search " + p.name(), pts, knee, rule, retrained, p.searchEpochs(), p.denseSize());
  }

  /**
   * The front given with {@code --front}: a Pareto search's results (or its {@code pareto/}
   * folder), or a suite's results whose runs are all weighted sums.
   */
  static Front read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": no such folder (given as the front)");
    }
    ParetoResults p = ParetoResults.read(dir);
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
    Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
    double size = Double.NaN;
    int epochs = -2;
    for (Row row : s.summary()) {
      if (!row.getString("status").equals("completed")
          || row.isMissing("test_accuracy")
          || row.isMissing("dense_nonzeros")) {
        continue;
      }
      byLabel
          .computeIfAbsent(row.getString("label"), k -> new ArrayList<>())
          .add(new double[] {row.getNumber("test_accuracy"), row.getNumber("dense_nonzeros")});
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
          s.suite() + "/summary.csv: no completed run with test_accuracy and dense_nonzeros");
    }
    Front f = new Front("suite " + s.suite(), pts, null, "", null, Math.max(-1, epochs), size);
    return new Front(
        f.source,
        pts,
        Landing.chordKnee(f.nonDominated()),
        "the chord rule in (1 - accuracy, nonzeros / dense size), computed here",
        null,
        f.epochs,
        size);
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
