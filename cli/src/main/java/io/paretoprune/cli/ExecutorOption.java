package io.paretoprune.cli;

import io.paretoprune.experiments.suite.SuiteSpec;

/** {@code --executor} of run and pareto: overrides the suite's runner.executor when given. */
final class ExecutorOption {
  private ExecutorOption() {}

  static SuiteSpec apply(SuiteSpec suite, String executor) {
    if (executor == null) {
      return suite;
    }
    if (!SuiteSpec.EXECUTORS.contains(executor)) {
      throw new UserInputException(
          "--executor: unknown executor '"
              + executor
              + "'; known: "
              + String.join(", ", SuiteSpec.EXECUTORS));
    }
    return suite.withExecutor(executor);
  }
}
