package io.paretoprune.cli;

import io.paretoprune.experiments.run.SlurmStatus;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import io.paretoprune.reporting.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code status RESULTS_DIR}: how far a suite's results folder is, its Slurm tasks in the queue.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "How many of a suite's runs are complete and which tasks of its Slurm job array are still"
            + " queued or running (with their job ids); once the array has ended with every run"
            + " complete, write the summary, statistics and report. Exit 0 when all runs are"
            + " complete, 1 when the array ended without some, 3 while tasks are queued.")
public final class StatusCommand implements Callable<Integer> {
  /** Exit code while tasks of the array are still queued or running. */
  static final int STILL_QUEUED = 3;

  @Parameters(
      paramLabel = "RESULTS_DIR",
      description = "a suite's results folder, e.g. results/quick")
  Path dir;

  @Option(
      names = "--wait",
      description = "wait for the job array to end, printing each run's epochs as run does")
  boolean waitForIt;

  @Option(names = "--no-report", description = "skip the HTML report")
  boolean noReport;

  @Override
  public Integer call() throws Exception {
    Path suiteFile = dir.resolve("suite.yaml");
    if (!Files.isRegularFile(suiteFile)) {
      throw new UserInputException(dir + ": not a suite's results folder (no suite.yaml)");
    }
    SuiteSpec suite = SuiteLoader.load(suiteFile);
    SlurmStatus.Report r = SlurmStatus.show(dir, suite, waitForIt, System.out);
    if (r.queuedTasks() > 0) {
      return STILL_QUEUED;
    }
    if (!r.done()) {
      return Main.RUN_FAILED;
    }
    System.out.println("results: " + dir);
    if (!noReport) {
      System.out.println("report: " + ReportWriter.write(dir));
    }
    return 0;
  }
}
