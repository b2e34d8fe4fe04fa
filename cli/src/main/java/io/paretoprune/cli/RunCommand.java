package io.paretoprune.cli;

import io.paretoprune.experiments.run.RunOutcome;
import io.paretoprune.experiments.run.SuiteRunner;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import io.paretoprune.reporting.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run SUITE}: runs what is missing of a suite, then writes its statistics and report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a suite (runs that share network and data packed into one JVM, others each in"
            + " their own; all with the same plug-in jars; resumes: only missing runs run), then"
            + " write its report.")
public final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SUITE", description = "suite YAML file, e.g. suites/paper-mnist.yaml")
  Path suiteFile;

  @Option(names = "--results", description = "results root (default: ./results)")
  Path results;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Option(names = "--no-report", description = "skip the HTML report")
  boolean noReport;

  @Option(
      names = "--rerun-changed",
      description =
          "finished runs made with other settings than the suite now gives move to"
              + " runs/.replaced-<time>/ and run again (without it, run refuses and exits 2)")
  boolean rerunChanged;

  @Option(
      names = "--executor",
      paramLabel = "local|slurm",
      description =
          "where the runs train, overriding the suite's runner.executor: local (processes on this"
              + " machine) or slurm (one job array, sbatch with the suite's slurm: block)")
  String executor;

  @Option(
      names = "--detach",
      description =
          "slurm executor: return once the job array is submitted; a later run or status on the"
              + " results folder picks up")
  boolean detach;

  @Override
  public Integer call() throws Exception {
    SuiteSpec suite = SuiteLoader.load(suiteFile);
    suite = ExecutorOption.apply(suite, executor);
    if (detach && !suite.executor().equals("slurm")) {
      throw new UserInputException(
          "--detach: only the slurm executor can detach (a local run's processes end with it)");
    }
    return runSuite(suite, suiteFile, results, data, !noReport, rerunChanged, detach);
  }

  static int runSuite(
      SuiteSpec suite,
      Path suiteFile,
      Path results,
      Path data,
      boolean report,
      boolean rerunChanged)
      throws Exception {
    return runSuite(suite, suiteFile, results, data, report, rerunChanged, false);
  }

  static int runSuite(
      SuiteSpec suite,
      Path suiteFile,
      Path results,
      Path data,
      boolean report,
      boolean rerunChanged,
      boolean detach)
      throws Exception {
    Path dataRoot = Paths.data(data);
    int fetched = FetchDataCommand.fetchIfMissing(suite, dataRoot);
    if (fetched != 0) {
      return fetched;
    }
    Paths.checkData(suite, dataRoot);
    Path dir = Paths.suiteResults(results, suite);
    java.nio.file.Files.createDirectories(dir);
    SuiteRunner runner = new SuiteRunner(dir, dataRoot, System.out, rerunChanged).detach(detach);
    List<RunOutcome> outcomes = runner.run(suite, suiteFile);
    if (outcomes.stream().anyMatch(o -> o.status().equals("submitted"))) {
      System.out.println("results (when the array has ended): " + dir);
      return 0;
    }
    long failed = outcomes.stream().filter(o -> o.status().equals("failed")).count();
    long diverged = outcomes.stream().filter(o -> o.status().equals("diverged")).count();
    System.out.println("results: " + dir);
    // A suite none of whose runs has a result (every one failed) has nothing to report on.
    boolean anyResult = outcomes.stream().anyMatch(o -> !o.status().equals("failed"));
    if (report && anyResult) {
      Path index = ReportWriter.write(dir);
      System.out.println("report: " + index);
    } else if (report) {
      System.out.println("report: none, no run has a result");
    }
    if (failed > 0 || diverged > 0) {
      System.err.println("paretoprune: " + failed + " run(s) failed, " + diverged + " diverged");
      return Main.RUN_FAILED;
    }
    return 0;
  }
}
