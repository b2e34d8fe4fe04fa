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
            + "(sweep, bisection, dichotomic, stochastic-dichotomic), each weighting once per "
            + "seed (seeds_per_weighting), pick the knee on the means over the seeds, retrain it "
            + "(unless the pareto: block says retrain: false or epochs: full).")
public final class ParetoCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SUITE", description = "suite YAML file with a pareto: section")
  Path suiteFile;

  @Option(names = "--results", description = "results root (default: ./results)")
  Path results;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Option(
      names = "--executor",
      paramLabel = "local|slurm",
      description =
          "where the weightings train, overriding the suite's runner.executor: local (on this"
              + " machine, a round's weightings the suite's parallel at a time, each in its own"
              + " JVM) or slurm (each round of the search as one job array,"
              + " sbatch with the suite's slurm: block; the knee's retraining as one more)")
  String executor;

  @Override
  public Integer call() throws Exception {
    SuiteSpec suite = SuiteLoader.load(suiteFile);
    if (suite.pareto() == null) {
      throw new UserInputException(suiteFile + ": pareto: the suite has no pareto section");
    }
    suite = ExecutorOption.apply(suite, executor);
    Path dataRoot = Paths.data(data);
    Paths.checkData(suite, dataRoot);
    Path dir = Paths.suiteResults(results, suite);
    Files.createDirectories(dir);
    new ParetoRunner(dir, dataRoot, suiteFile, System.out).run(suite);
    System.out.println("report: " + ReportWriter.write(dir));
    return 0;
  }
}
