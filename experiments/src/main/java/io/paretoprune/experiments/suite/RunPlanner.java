package io.paretoprune.experiments.suite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Expands a suite into its runs: every optimizer entry for every seed, seeds outermost. */
public final class RunPlanner {
  private RunPlanner() {}

  public static List<RunSpec> plan(SuiteSpec suite) {
    List<RunSpec> runs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (long seed : suite.seeds()) {
      for (SuiteSpec.OptimizerSpec o : suite.optimizers()) {
        String id = RunSpec.runId(o.label(), seed);
        if (!ids.add(id)) {
          throw new io.paretoprune.core.plugin.ConfigException(
              "optimizers", "labels '" + o.label() + "' and another map to the same run id " + id);
        }
        runs.add(
            new RunSpec(
                suite.name(),
                id,
                o.label(),
                suite.dataset(),
                suite.model(),
                o.objectives() != null ? o.objectives() : suite.objectives(),
                new SuiteSpec.PluginSpec(o.name(), o.settings()),
                o.pruning() != null ? o.pruning() : suite.pruning(),
                seed,
                suite.epochs(),
                suite.batchSize(),
                suite.evalBatchSize(),
                suite.maxStepsPerEpoch(),
                suite.threadsPerRun()));
      }
    }
    return runs;
  }
}
