package io.paretoprune.cli;

import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the quick start. Runs {@code suites/quick.yaml} (a short version of the paper's
 * comparison; MNIST is fetched first when missing, as for every run) and prints the report's path.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Fetch MNIST if missing, run suites/quick.yaml and write its report.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--suite", description = "suite to run (default: suites/quick.yaml)")
  Path suite;

  @Override
  public Integer call() throws Exception {
    Path data = Paths.data();
    Path file =
        suite != null ? suite : FetchDataCommand.home().resolve("suites").resolve("quick.yaml");
    SuiteSpec spec = SuiteLoader.load(file);
    return RunCommand.runSuite(spec, file, null, data, true, false);
  }
}
