package io.paretoprune.cli;

import io.paretoprune.experiments.run.SuiteSummary;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.reporting.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code report RESULTS_DIR}: (re)writes the HTML report of a suite's results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write results/<suite>/report/index.html from a suite's results.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RESULTS_DIR", description = "e.g. results/paper-mnist")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(dir + ": no such results directory");
    }
    Path suite = dir.resolve("suite.yaml");
    if (Files.isRegularFile(suite) && Files.isDirectory(dir.resolve("runs"))) {
      // Summary and statistics are derived from the run directories, so they are rebuilt first.
      SuiteSummary.write(dir, SuiteLoader.load(suite));
    }
    System.out.println("report: " + ReportWriter.write(dir));
    return 0;
  }
}
