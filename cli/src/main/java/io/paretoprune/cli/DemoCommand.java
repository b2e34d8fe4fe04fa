package io.paretoprune.cli;

import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the quick start. Fetches MNIST if missing, runs {@code suites/quick.yaml} (a short
 * version of the paper's comparison) and prints the report's path.
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
    if (!Files.isDirectory(data.resolve("mnist"))) {
      int code = FetchDataCommand.fetch(data, "mnist");
      if (code != 0) {
        return code;
      }
    }
    Path file =
        suite != null ? suite : FetchDataCommand.home().resolve("suites").resolve("quick.yaml");
    SuiteSpec spec = SuiteLoader.load(file);
    return RunCommand.runSuite(spec, file, null, data, true);
  }
}
