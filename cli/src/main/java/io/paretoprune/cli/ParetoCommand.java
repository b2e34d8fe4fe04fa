package io.paretoprune.cli;

import io.paretoprune.experiments.run.ParetoRunner;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import io.paretoprune.reporting.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pareto SUITE}: the weighted-sum Pareto-front search of the suite's pareto section. */
@Command(
    name = "pareto",
    mixinStandardHelpOptions = true,
    description =
        "Search the Pareto front of a suite's first two objectives by weighted sums "
            + "(sweep, bisection, dichotomic, stochastic-dichotomic), pick the knee, retrain it.")
public final class ParetoCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SUITE", description = "suite YAML file with a pareto: section")
  Path suiteFile;

  @Option(names = "--results", description = "results root (default: ./results)")
  Path results;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Override
  public Integer call() throws Exception {
    SuiteSpec suite = SuiteLoader.load(suiteFile);
    if (suite.pareto() == null) {
      throw new UserInputException(suiteFile + ": pareto: the suite has no pareto section");
    }
    if (suite.executor().equals("slurm")) {
      // Rounds of weightings as job arrays are not built yet; running them here unasked would
      // put a cluster user's search on the login node.
      throw new UserInputException(
          suiteFile
              + ": runner.executor: pareto runs its weightings locally only; set executor: local"
              + " (or drop it) to search on this machine");
    }
    Path dataRoot = Paths.data(data);
    Paths.checkData(suite, dataRoot);
    Path dir = Paths.suiteResults(results, suite);
    Files.createDirectories(dir);
    new ParetoRunner(dir, dataRoot, System.out).run(suite);
    System.out.println("report: " + ReportWriter.write(dir));
    return 0;
  }
}
