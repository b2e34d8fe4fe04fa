package io.paretoprune.cli;

import io.paretoprune.experiments.run.SuiteSummary;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.reporting.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report RESULTS_DIR [--front FRONT_DIR]}: (re)writes the HTML report of a suite's results
 * or a Pareto search's, optionally placing the suite's optimizers against a weighted-sum front.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write RESULTS_DIR/report/index.html from a suite's results (summary.csv) or a Pareto"
          + " search's (pareto/pareto.csv), or both when the folder holds both.",
      "With --front, or when RESULTS_DIR holds a suite and a Pareto search, the figure and table"
          + " 'where each method lands' place the suite's optimizers against the weighted-sum"
          + " front (also written to RESULTS_DIR/report/landing.csv)."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RESULTS_DIR", description = "e.g. results/paper-mnist")
  Path dir;

  @Option(
      names = "--front",
      paramLabel = "FRONT_DIR",
      description =
          "a weighted-sum front to place the suite's optimizers against: a Pareto search's"
              + " results (e.g. results/pareto-mnist, or its pareto/ folder) or a suite whose"
              + " runs all use the weighted optimizer (e.g. results/front-mnist)")
  Path front;

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
    if (front != null && !Files.isDirectory(front)) {
      throw new UserInputException(front + ": no such results directory (given with --front)");
    }
    System.out.println("report: " + ReportWriter.write(dir, front));
    return 0;
  }
}
