package io.paretoprune.experiments.run;

import io.paretoprune.experiments.pareto.ParetoPoint;
import io.paretoprune.experiments.pareto.ParetoSearch;
import io.paretoprune.experiments.pareto.SearchResult;
import io.paretoprune.experiments.pareto.SearchResultWriter;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import io.paretoprune.stats.MetricRanges;
import io.paretoprune.stats.MetricSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Runs a suite's {@code pareto:} search: every weighting is one run of the {@code weighted}
 * optimizer on the suite's first two objectives, for E/3 epochs unless the suite says otherwise, in
 * its own JVM under {@code results/<suite>/pareto/runs} (so a stopped search resumes); then the
 * knee is retrained for the suite's full epochs. Each round of the search ({@link
 * ParetoSearch#inRounds}: a sweep is one round, a bisection one per level) trains its weightings at
 * once: locally as lone runs, as many at a time as the suite's {@code parallel} (else cores /
 * threads per run) allows (with {@code parallel: 1}, one after another), with the slurm executor as
 * one job array of one task per weighting still to train; the knee's retraining is one more. All
 * choose the same weightings and rows: only where and when they train differs.
 */
public final class ParetoRunner {
  private final Path resultsDir;
  private final Path dataRoot;
  private final Path suiteFile;
  private final PrintStream out;

  /**
   * @param suiteFile the suite's file, named in errors about its {@code slurm:} block
   */
  public ParetoRunner(Path resultsDir, Path dataRoot, Path suiteFile, PrintStream out) {
    this.resultsDir = resultsDir;
    this.dataRoot = dataRoot;
    this.suiteFile = suiteFile;
    this.out = out;
  }

  /**
   * Searches, resuming what a stopped search finished.
   *
   * @throws ResultsFolderException when another process or a queued Slurm job array holds the
   *     results folder, or a finished weighting was trained with other settings than the suite now
   *     gives
   * @throws WeightingFailedException when a weighting ended without a result
   */
  public SearchResult run(SuiteSpec suite) throws Exception {
    try (ResultsLock lock = ResultsLock.acquire(resultsDir)) {
      return runLocked(suite);
    }
  }

  private SearchResult runLocked(SuiteSpec suite) throws Exception {
    SuiteSpec.ParetoSpec p = suite.pareto();
    Path dir = resultsDir.resolve(SlurmJob.PARETO);
    Path runs = dir.resolve("runs");
    String git = GitCommit.of(resultsDir.toAbsolutePath());
    // Lone runs only (no packing), so that every row is the one-at-a-time search's.
    PackLauncher cluster =
        suite.executor().equals("slurm")
            ? new SlurmLauncher(
                dir, dataRoot, git, suite, suiteFile.toString(), false, out, jobName(suite))
            : new LocalLauncher(
                new RunLauncher(runs, dataRoot, git), SuiteRunner.parallelism(suite));
    cluster.check(); // before the folder changes: a job the scheduler refuses costs nothing
    RunDirectory.removeStale(runs);
    Files.createDirectories(resultsDir);
    TaskFile.write(resultsDir, TaskFile.ofDataset(suite.dataset().name()));
    int epochs = p.epochs() > 0 ? p.epochs() : Math.max(1, Math.round(suite.epochs() / 3f));
    List<Long> seeds = p.seeds();
    // The knee's retraining is one weighting more than the search's evaluations; each weighting
    // is one run per seed.
    SuiteProgress progress =
        new SuiteProgress(out, (p.maxEvaluations() + (p.retrain() ? 1 : 0)) * seeds.size(), 0);
    ParetoSearch search =
        ParetoSearch.inRounds(
                (round, weightings) ->
                    trainRound(
                        suite, runs, cluster, progress, "round " + round, "ws", weightings, epochs),
                p.maxEvaluations())
            .sweeping(p.sweep());
    SearchResult result = search.run(p.search(), p.seed());
    ParetoPoint knee = p.knee().equals("paper") ? result.kneePaper() : result.kneeChord();
    Map<String, double[]> ranges = MetricRanges.of(List.of(metricSpec(suite)));
    Map<String, Object> retrained = null;
    if (p.retrain() && knee != null) {
      out.printf(
          Locale.ROOT, "retraining the knee c2 = %.3g for %d epochs%n", knee.c2(), suite.epochs());
      ParetoPoint full =
          trainRound(
                  suite,
                  runs,
                  cluster,
                  progress,
                  "the knee",
                  "knee",
                  List.of(new double[] {knee.c1(), knee.c2()}),
                  suite.epochs())
              .get(0);
      retrained = new LinkedHashMap<>();
      retrained.put("rule", p.knee());
      retrained.put("point", full);
      retrained.put("epochs", suite.epochs());
      if (seeds.size() > 1) {
        retrained.put("interval", SearchResultWriter.intervals(full, ranges));
      }
    }
    SearchResultWriter.write(result, dir, p.knee(), retrained, seeds, ranges);
    if (seeds.size() > 1 && knee != null) {
      out.println(kneeLine(suite, knee, ranges, seeds.size()));
    }
    out.printf(
        Locale.ROOT,
        "front: %d of %d points, hypervolume %.4g; results: %s%n",
        result.front().size(),
        result.evaluated().size(),
        result.hypervolume(),
        dir);
    return result;
  }

  /** The task's primary metric with its range, for the intervals over seeds. */
  private static MetricSpec metricSpec(SuiteSpec suite) {
    var m = TaskFile.ofDataset(suite.dataset().name()).primary();
    return new MetricSpec(m.name(), m.label(), m.higherIsBetter(), m.min(), m.max());
  }

  /** "knee (chord) c2 = 0.001 over 3 seeds: test_accuracy 0.977 (0.970-0.984), ...". */
  private static String kneeLine(
      SuiteSpec suite, ParetoPoint knee, Map<String, double[]> ranges, int seeds) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "knee (%s) c2 = %.3g over %d seeds, mean (95%% t interval):",
                suite.pareto().knee(),
                knee.c2(),
                seeds));
    String sep = " ";
    for (var e : SearchResultWriter.intervals(knee, ranges).entrySet()) {
      var d = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "%s%s %.4g (%.4g-%.4g)",
              sep,
              e.getKey(),
              d.mean(),
              d.ciLow(),
              d.ciHigh()));
      sep = ", ";
    }
    return b.toString();
  }

  /** The arrays' job name: the suite's runs go as {@code pp-<suite>}. */
  static String jobName(SuiteSpec suite) {
    return "pp-" + suite.name() + "-pareto";
  }

  /**
   * Trains a round's runs not yet complete (every weighting once per seed), each alone (so its rows
   * equal a one-at-a-time search's): as one job array, or locally several at a time; waits for
   * them.
   */
  private List<ParetoPoint> trainRound(
      SuiteSpec suite,
      Path runs,
      PackLauncher cluster,
      SuiteProgress progress,
      String what,
      String prefix,
      List<double[]> weightings,
      int epochs)
      throws IOException, InterruptedException {
    List<Long> seeds = suite.pareto().seeds();
    List<RunSpec> specs = new ArrayList<>();
    for (double[] w : weightings) {
      for (long seed : seeds) {
        RunSpec spec = spec(suite, prefix, w[0], w[1], epochs, seed);
        refuseChanged(runs, spec);
        specs.add(spec);
      }
    }
    List<RunSpec> pending =
        specs.stream().filter(s -> !RunDirectory.isComplete(runs, s.runId())).toList();
    long resuming =
        pending.stream()
            .filter(r -> Files.isRegularFile(CheckpointFile.location(runs, r.runId())))
            .count();
    String resumed = resuming == 0 ? "" : " (" + resuming + " from an epoch checkpoint)";
    if (seeds.size() == 1) {
      out.printf(
          "%s: %d weighting(s), %d already done, %d to train%s%n",
          what, specs.size(), specs.size() - pending.size(), pending.size(), resumed);
    } else {
      out.printf(
          "%s: %d weighting(s) x %d seeds, %d of %d runs already done, %d to train%s%n",
          what,
          weightings.size(),
          seeds.size(),
          specs.size() - pending.size(),
          specs.size(),
          pending.size(),
          resumed);
    }
    if (!pending.isEmpty()) {
      List<RunOutcome> outcomes = cluster.launch(pending.stream().map(List::of).toList(), progress);
      List<String> failed =
          outcomes.stream()
              .filter(o -> o.status().equals("failed"))
              .map(o -> o.runId() + " (" + o.message() + ")")
              .toList();
      if (!failed.isEmpty()) {
        throw new WeightingFailedException(
            failed.size()
                + " weighting(s) of "
                + what
                + " ended without a result: "
                + String.join("; ", failed)
                + rerunHint());
      }
    }
    List<ParetoPoint> points = new ArrayList<>();
    for (int i = 0; i < weightings.size(); i++) {
      double[] w = weightings.get(i);
      List<ParetoPoint> bySeed = new ArrayList<>();
      for (int j = 0; j < seeds.size(); j++) {
        bySeed.add(point(suite, runs, specs.get(i * seeds.size() + j), w[0], w[1]));
      }
      points.add(ParetoPoint.meanOf(bySeed));
    }
    return points;
  }

  private String rerunHint() {
    return "; the weightings that finished are kept: run pareto again to resume";
  }

  private RunSpec spec(
      SuiteSpec suite, String prefix, double c1, double c2, int epochs, long seed) {
    Map<String, Object> settings = suite.pareto().weightedSettings(c1, c2);
    String label = String.format(Locale.ROOT, "%s-c2_%.6g", prefix, c2);
    return new RunSpec(
        suite.name(),
        RunSpec.runId(label, seed),
        label,
        suite.dataset(),
        suite.model(),
        suite.objectives().subList(0, 2),
        new SuiteSpec.PluginSpec("weighted", settings),
        suite.pruning(),
        seed,
        epochs,
        suite.batchSize(),
        suite.evalBatchSize(),
        suite.maxStepsPerEpoch(),
        suite.threadsPerRun());
  }

  private void refuseChanged(Path runs, RunSpec spec) throws IOException {
    if (!ChangedRuns.find(runs, List.of(spec)).isEmpty()) {
      // The search picks its weightings as it goes, so this is found only when one comes up.
      throw new ResultsFolderException(
          runs.resolve(spec.runId())
              + ": trained with other settings than the suite now gives; remove "
              + resultsDir.resolve(SlurmJob.PARETO)
              + " to search again, or give the suite a new name");
    }
  }

  /** A finished weighting's test objectives, accuracy and nonzeros after its last epoch. */
  private static ParetoPoint point(SuiteSpec suite, Path runs, RunSpec spec, double c1, double c2)
      throws IOException {
    Table e =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(runs.resolve(spec.runId()).resolve("epochs.csv").toFile())
                    .missingValueIndicator("", "NaN"));
    if (e.rowCount() == 0) {
      throw new WeightingFailedException(
          "weighting c2 = " + c2 + " diverged before its first epoch ended");
    }
    int last = e.rowCount() - 1;
    String f1 = suite.objectives().get(0).name();
    String f2 = suite.objectives().get(1).name();
    Map<String, Double> payload = new LinkedHashMap<>();
    String metric = "test_" + TaskFile.ofDataset(suite.dataset().name()).primary().name();
    payload.put(metric, e.numberColumn(metric).getDouble(last));
    payload.put("dense_nonzeros", e.numberColumn("dense_nonzeros").getDouble(last));
    return new ParetoPoint(
        c1,
        c2,
        e.numberColumn("test_" + f1).getDouble(last),
        e.numberColumn("test_" + f2).getDouble(last),
        payload);
  }
}
