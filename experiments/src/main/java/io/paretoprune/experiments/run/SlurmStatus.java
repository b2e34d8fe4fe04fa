package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status RESULTS}: how far a suite's results folder is, and its recorded Slurm job array's
 * tasks still queued or running with their job ids; once the array has ended, the suite's summary
 * is written (as the waiting {@code run} would have). With {@code wait}, it waits for the array as
 * {@code run} does, with the same progress lines.
 */
public final class SlurmStatus {
  /**
   * What the folder holds: runs of the suite complete, tasks still queued, runs left unfinished.
   */
  public record Report(int total, int complete, int queuedTasks, List<String> unfinished) {
    /** Whether the recorded array (if any) has ended and every run has its result. */
    public boolean done() {
      return queuedTasks == 0 && unfinished.isEmpty();
    }
  }

  private SlurmStatus() {}

  /**
   * Prints the folder's state; when the array has ended (after waiting for it, with {@code wait})
   * and every run is complete, writes {@code summary.csv} and the statistics.
   */
  public static Report show(Path resultsDir, SuiteSpec suite, boolean wait, PrintStream out)
      throws IOException, InterruptedException {
    Path runs = resultsDir.resolve("runs");
    List<RunSpec> all = RunPlanner.plan(suite);
    Optional<SlurmJob> job = SlurmJob.read(resultsDir);
    List<String[]> queued = job.isPresent() ? SlurmCommands.queued(job.get().jobId()) : List.of();
    int complete = (int) all.stream().filter(r -> RunDirectory.isComplete(runs, r.runId())).count();
    out.printf("suite %s: %d of %d runs complete%n", suite.name(), complete, all.size());
    if (job.isPresent()) {
      SlurmJob j = job.get();
      out.printf(
          "Slurm job array %s (submitted %s): %s%n",
          j.jobId(),
          j.submittedAt(),
          queued.isEmpty() ? "ended" : queued.size() + " task(s) still queued or running");
      for (String[] t : queued) {
        out.println("  " + t[0] + " " + t[1] + ": " + String.join(", ", runsOf(j, t[0])));
      }
      if (!queued.isEmpty() && wait) {
        Map<String, RunSpec> byId = new LinkedHashMap<>();
        all.forEach(r -> byId.put(r.runId(), r));
        List<List<RunSpec>> packs = new ArrayList<>();
        for (List<String> ids : j.tasks()) {
          packs.add(ids.stream().filter(byId::containsKey).map(byId::get).toList());
        }
        List<RunSpec> watched = packs.stream().flatMap(List::stream).toList();
        SuiteProgress progress = new SuiteProgress(out, all.size(), all.size() - watched.size());
        try (ResultsLock lock = ResultsLock.acquireWhileQueued(resultsDir)) {
          // Waiting reads the run folders only: no data root or commit is needed.
          new SlurmLauncher(resultsDir, resultsDir, "", suite, "", false, out)
              .await(j, packs, progress);
        }
        return show(resultsDir, suite, false, out);
      }
    }
    List<String> unfinished =
        all.stream().map(RunSpec::runId).filter(id -> !RunDirectory.isComplete(runs, id)).toList();
    if (queued.isEmpty() && !unfinished.isEmpty()) {
      out.println(
          unfinished.size()
              + " run(s) without a result: "
              + String.join(", ", unfinished)
              + "; ./paretoprune run on the suite trains them");
    }
    Report report = new Report(all.size(), complete, queued.size(), unfinished);
    if (report.done()) {
      try (ResultsLock lock = ResultsLock.acquire(resultsDir)) {
        SuiteSummary.write(resultsDir, suite);
      }
    }
    return report;
  }

  /** The run ids of task {@code <job>_<index>}, from the job record. */
  private static List<String> runsOf(SlurmJob job, String task) {
    String index = task.substring(task.indexOf('_') + 1);
    if (index.matches("[0-9]+") && Integer.parseInt(index) < job.tasks().size()) {
      return job.tasks().get(Integer.parseInt(index));
    }
    return List.of("(tasks " + index + ")"); // a pending range such as 12_[3-9%2]
  }
}
