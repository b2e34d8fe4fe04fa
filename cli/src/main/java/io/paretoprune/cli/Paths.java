package io.paretoprune.cli;

import io.paretoprune.experiments.suite.SuiteDataCheck;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Path;

/** Where data and results live unless a command is told otherwise. */
final class Paths {
  private Paths() {}

  /** {@code $PARETOPRUNE_DATA}, else {@code ./data}. */
  static Path data() {
    String env = System.getenv("PARETOPRUNE_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "data").toAbsolutePath();
  }

  static Path results() {
    return Path.of("results").toAbsolutePath();
  }

  /** The data root: the option when given, else {@link #data()}. */
  static Path data(Path option) {
    return option != null ? option.toAbsolutePath() : data();
  }

  /** {@code <results root>/<suite>}: the option's root when given, else {@link #results()}. */
  static Path suiteResults(Path option, SuiteSpec suite) {
    return (option != null ? option : results()).resolve(suite.name());
  }

  /**
   * Checks the suite's data files in full before any run starts, so that a missing or broken file
   * is one line naming it rather than a failed run.
   */
  static void checkData(SuiteSpec suite, Path dataRoot) {
    SuiteDataCheck.check(suite, dataRoot);
  }
}
