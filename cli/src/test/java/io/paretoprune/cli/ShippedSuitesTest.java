package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every suite shipped in {@code suites/} loads and validates against the plug-ins on the classpath,
 * and plans one run per optimizer and seed with distinct run ids (so results never collide).
 */
class ShippedSuitesTest {
  @Test
  void everyShippedSuiteValidatesAndPlansDistinctRuns() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("..", "suites"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no suites found in ../suites");
    for (Path f : files) {
      SuiteSpec suite = SuiteLoader.load(f);
      List<RunSpec> runs = RunPlanner.plan(suite);
      assertEquals(
          suite.optimizers().size() * suite.seeds().size(), runs.size(), f + ": planned runs");
      assertEquals(
          runs.size(), runs.stream().map(RunSpec::runId).distinct().count(), f + ": run ids");
    }
  }
}
