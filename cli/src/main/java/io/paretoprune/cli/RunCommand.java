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

  @Override
  public Integer call() throws Exception {
    SuiteSpec suite = SuiteLoader.load(suiteFile);
    return runSuite(suite, suiteFile, results, data, !noReport, rerunChanged);
  }

  static int runSuite(
      SuiteSpec suite,
      Path suiteFile,
      Path results,
      Path data,
      boolean report,
      boolean rerunChanged)
      throws Exception {
    Path dataRoot = Paths.data(data);
    int fetched = FetchDataCommand.fetchIfMissing(suite, dataRoot);
    if (fetched != 0) {
      return fetched;
    }
    Paths.checkData(suite, dataRoot);
    Path dir = Paths.suiteResults(results, suite);
    java.nio.file.Files.createDirectories(dir);
    SuiteRunner runner = new SuiteRunner(dir, dataRoot, System.out, rerunChanged);
    List<RunOutcome> outcomes = runner.run(suite, suiteFile);
    long failed = outcomes.stream().filter(o -> o.status().equals("failed")).count();
    long diverged = outcomes.stream().filter(o -> o.status().equals("diverged")).count();
    System.out.println("results: " + dir);
    if (report) {
      Path index = ReportWriter.write(dir);
      System.out.println("report: " + index);
    }
    if (failed > 0 || diverged > 0) {
      System.err.println("paretoprune: " + failed + " run(s) failed, " + diverged + " diverged");
      return Main.RUN_FAILED;
    }
    return 0;
  }
}
