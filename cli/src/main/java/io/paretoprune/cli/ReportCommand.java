package io.paretoprune.cli;

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
    System.out.println("report: " + ReportWriter.write(dir));
    return 0;
  }
}
