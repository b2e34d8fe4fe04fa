package io.paretoprune.experiments.run;

import io.paretoprune.experiments.pareto.ParetoPoint;
import io.paretoprune.experiments.pareto.ParetoSearch;
import io.paretoprune.experiments.pareto.SearchResult;
import io.paretoprune.experiments.pareto.SearchResultWriter;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * knee is retrained for the suite's full epochs.
 */
public final class ParetoRunner {
  private final Path resultsDir;
  private final Path dataRoot;
  private final PrintStream out;

  public ParetoRunner(Path resultsDir, Path dataRoot, PrintStream out) {
    this.resultsDir = resultsDir;
    this.dataRoot = dataRoot;
    this.out = out;
  }

  /**
   * Searches, resuming what a stopped search finished.
   *
   * @throws ResultsFolderException when another process holds the results folder, or a finished
   *     weighting was trained with other settings than the suite now gives
   */
  public SearchResult run(SuiteSpec suite) throws Exception {
    try (ResultsLock lock = ResultsLock.acquire(resultsDir)) {
      return runLocked(suite);
    }
  }

  private SearchResult runLocked(SuiteSpec suite) throws Exception {
    SuiteSpec.ParetoSpec p = suite.pareto();
    Path dir = resultsDir.resolve("pareto");
    Path runs = dir.resolve("runs");
    RunDirectory.removeStale(runs);
    Files.createDirectories(resultsDir);
    TaskFile.write(resultsDir, TaskFile.ofDataset(suite.dataset().name()));
    RunLauncher launcher =
        new RunLauncher(runs, dataRoot, GitCommit.of(resultsDir.toAbsolutePath()));
    int epochs = p.epochs() > 0 ? p.epochs() : Math.max(1, Math.round(suite.epochs() / 3f));
    // The knee's retraining is one run more than the search's evaluations.
    SuiteProgress progress = new SuiteProgress(out, p.maxEvaluations() + (p.retrain() ? 1 : 0), 0);
    ParetoSearch search =
        new ParetoSearch(
            (c1, c2) -> train(suite, launcher, progress, "ws", c1, c2, epochs), p.maxEvaluations());
    SearchResult result = search.run(p.search(), p.seed());
    ParetoPoint knee = p.knee().equals("paper") ? result.kneePaper() : result.kneeChord();
    Map<String, Object> retrained = null;
    if (p.retrain() && knee != null) {
      out.printf(
          Locale.ROOT, "retraining the knee c2 = %.3g for %d epochs%n", knee.c2(), suite.epochs());
      ParetoPoint full =
          train(suite, launcher, progress, "knee", knee.c1(), knee.c2(), suite.epochs());
      retrained = new LinkedHashMap<>();
      retrained.put("rule", p.knee());
      retrained.put("point", full);
      retrained.put("epochs", suite.epochs());
    }
    SearchResultWriter.write(result, dir, p.knee(), retrained);
    out.printf(
        Locale.ROOT,
        "front: %d of %d points, hypervolume %.4g; results: %s%n",
        result.front().size(),
        result.evaluated().size(),
        result.hypervolume(),
        dir);
    return result;
  }

  private ParetoPoint train(
      SuiteSpec suite,
      RunLauncher launcher,
      SuiteProgress progress,
      String prefix,
      double c1,
      double c2,
      int epochs)
      throws IOException, InterruptedException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("step", "sgd");
    settings.put("lr", 0.01);
    settings.put("momentum", 0.9);
    settings.put("schedule", "inverse_time");
    settings.putAll(suite.pareto().stepSettings());
    settings.put("weights", List.of(c1, c2));
    String label = String.format(Locale.ROOT, "%s-c2_%.6g", prefix, c2);
    long seed = suite.pareto().seed();
    RunSpec spec =
        new RunSpec(
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
    List<String> changed = ChangedRuns.find(launcher.runsDir(), List.of(spec));
    if (!changed.isEmpty()) {
      // The search picks its weightings as it goes, so this is found only when one comes up.
      throw new ResultsFolderException(
          launcher.runsDir().resolve(spec.runId())
              + ": trained with other settings than the suite now gives; remove "
              + resultsDir.resolve("pareto")
              + " to search again, or give the suite a new name");
    }
    if (!RunDirectory.isComplete(launcher.runsDir(), spec.runId())) {
      RunOutcome o = launcher.launch(spec, progress);
      if (o.status().equals("failed")) {
        throw new IOException("weighting c2 = " + c2 + " failed: " + o.message());
      }
    }
    Table e =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(
                        launcher.runsDir().resolve(spec.runId()).resolve("epochs.csv").toFile())
                    .missingValueIndicator("", "NaN"));
    if (e.rowCount() == 0) {
      throw new IOException("weighting c2 = " + c2 + " diverged before its first epoch ended");
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
