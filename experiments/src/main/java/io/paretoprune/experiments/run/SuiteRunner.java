package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a suite: every (optimizer, seed) in its own JVM, or packed with others that share its
 * network and data into one ({@link RunPacking}), several processes at once, skipping runs whose
 * directory is complete (so a killed suite resumes where it stopped), then writes the suite's
 * summary and statistics.
 */
public final class SuiteRunner {
  private final Path resultsDir;
  private final Path dataRoot;
  private final PrintStream out;
  private final boolean rerunChanged;
  private boolean detach;

  /**
   * @param resultsDir {@code results/<suite>}
   * @param dataRoot where data sets live ({@code data/})
   */
  public SuiteRunner(Path resultsDir, Path dataRoot, PrintStream out) {
    this(resultsDir, dataRoot, out, false);
  }

  /**
   * @param rerunChanged set finished runs made with other settings aside and run them again,
   *     instead of refusing to go on
   */
  public SuiteRunner(Path resultsDir, Path dataRoot, PrintStream out, boolean rerunChanged) {
    this.resultsDir = resultsDir;
    this.dataRoot = dataRoot;
    this.out = out;
    this.rerunChanged = rerunChanged;
  }

  /**
   * With the slurm executor, return once the job array is submitted (outcomes {@code submitted});
   * {@code run} or {@code status} on the folder picks up later.
   */
  public SuiteRunner detach(boolean detach) {
    this.detach = detach;
    return this;
  }

  /**
   * Runs what is missing; returns one outcome per run of the suite.
   *
   * @throws ResultsFolderException when another process holds the results folder, or finished runs
   *     were made with other settings and {@code rerunChanged} is off; nothing ran then
   */
  public List<RunOutcome> run(SuiteSpec suite, Path suiteFile)
      throws IOException, InterruptedException {
    try (ResultsLock lock = ResultsLock.acquire(resultsDir)) {
      return runLocked(suite, suiteFile);
    }
  }

  private List<RunOutcome> runLocked(SuiteSpec suite, Path suiteFile)
      throws IOException, InterruptedException {
    Path runs = resultsDir.resolve("runs");
    String git = GitCommit.of(suiteFile.toAbsolutePath().getParent());
    int parallel = parallelism(suite);
    PackLauncher launcher =
        suite.executor().equals("slurm")
            ? new SlurmLauncher(resultsDir, dataRoot, git, suite, suiteFile.toString(), detach, out)
            : new LocalLauncher(new RunLauncher(runs, dataRoot, git), parallel);
    // Before anything in the folder changes: a job the scheduler refuses costs nothing.
    launcher.check();
    List<RunSpec> all = RunPlanner.plan(suite);
    List<String> changed = ChangedRuns.find(runs, all);
    if (!changed.isEmpty() && !rerunChanged) {
      throw ChangedRuns.refusal(resultsDir, changed);
    }
    if (!changed.isEmpty()) {
      Path aside = ChangedRuns.setAside(runs, changed);
      out.println(
          "moved "
              + changed.size()
              + " run(s) made with other settings to "
              + aside
              + "; they run again");
    }
    Files.createDirectories(runs.resolve(".logs"));
    if (!all.isEmpty()) {
      TaskFile.write(resultsDir, TaskFile.of(all.get(0)));
    }
    Files.copy(
        suiteFile,
        resultsDir.resolve("suite.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    int stale = RunDirectory.removeStale(runs);
    if (stale > 0) {
      out.println(
          "removed "
              + stale
              + " unfinished run director"
              + (stale == 1 ? "y" : "ies")
              + " of an earlier attempt");
    }
    List<RunSpec> pending = new ArrayList<>();
    List<RunOutcome> outcomes = new ArrayList<>();
    for (RunSpec r : all) {
      if (RunDirectory.isComplete(runs, r.runId())) {
        outcomes.add(new RunOutcome(r.runId(), "skipped", "already complete"));
      } else {
        pending.add(r);
      }
    }
    List<List<RunSpec>> packs = RunPacking.plan(pending, suite, parallel, runs);
    long resuming =
        pending.stream()
            .filter(r -> Files.isRegularFile(CheckpointFile.location(runs, r.runId())))
            .count();
    long packed = packs.stream().filter(p -> p.size() > 1).count();
    out.printf(
        "suite %s: %d runs, %d already done, %d to run%s, %s%s%n",
        suite.name(),
        all.size(),
        all.size() - pending.size(),
        pending.size(),
        resuming == 0 ? "" : " (" + resuming + " from an epoch checkpoint)",
        !suite.executor().equals("slurm")
            ? parallel + " at a time"
            : "as one Slurm job array"
                + (suite.slurm().maxParallel() > 0
                    ? " of at most " + suite.slurm().maxParallel() + " at once"
                    : ""),
        packed == 0
            ? ""
            : ", packed as "
                + packs.stream()
                    .map(p -> String.valueOf(p.size()))
                    .collect(java.util.stream.Collectors.joining("+"))
                + " runs per process");
    SuiteProgress progress = new SuiteProgress(out, all.size(), all.size() - pending.size());
    outcomes.addAll(launcher.launch(packs, progress));
    if (launcher.detached() && !packs.isEmpty()) {
      return outcomes;
    }
    SuiteSummary.write(resultsDir, suite);
    return outcomes;
  }

  /**
   * Processes at once: a job array's {@code max_parallel}, else the suite's, else cores / threads.
   */
  static int parallelism(SuiteSpec suite) {
    if (suite.executor().equals("slurm") && suite.slurm().maxParallel() > 0) {
      return suite.slurm().maxParallel();
    }
    if (suite.parallel() > 0) {
      return suite.parallel();
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors() / suite.threadsPerRun());
  }
}
