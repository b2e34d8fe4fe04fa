package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What enters the config hash and what stays out. */
class RunConfigHashTest {
  private static final RunSpec BASE =
      new RunSpec(
          "suite",
          "SMGD-s1",
          "SMGD",
          new SuiteSpec.DatasetSpec("mnist", null, 640, 200),
          new SuiteSpec.PluginSpec("lenet5", Map.of()),
          List.of(new SuiteSpec.ObjectiveSpec("f1", "cross_entropy", List.of())),
          new SuiteSpec.PluginSpec("smgd", Map.of("lr", 0.01)),
          new SuiteSpec.PluginSpec("threshold", Map.of("tau", 0.001)),
          1,
          2,
          32,
          1000,
          0,
          1);

  private static String hash(UnaryOperator<RunSpec> change) {
    return RunConfigHash.of(change.apply(BASE), Map.of());
  }

  private static RunSpec with(
      RunSpec r,
      SuiteSpec.DatasetSpec dataset,
      SuiteSpec.PluginSpec optimizer,
      int epochs,
      int evalBatch,
      int maxSteps,
      int threads) {
    return new RunSpec(
        r.suite(),
        r.runId(),
        r.label(),
        dataset,
        r.model(),
        r.objectives(),
        optimizer,
        r.pruning(),
        r.seed(),
        epochs,
        r.batchSize(),
        evalBatch,
        maxSteps,
        threads);
  }

  @Test
  void settingsThatChangeResultsChangeTheHash() {
    String base = hash(r -> r);
    SuiteSpec.PluginSpec lr = new SuiteSpec.PluginSpec("smgd", Map.of("lr", 0.02));
    assertNotEquals(base, hash(r -> with(r, r.dataset(), lr, 2, 1000, 0, 1)), "lr");
    assertNotEquals(base, hash(r -> with(r, r.dataset(), r.optimizer(), 3, 1000, 0, 1)), "epochs");
    assertNotEquals(
        base, hash(r -> with(r, r.dataset(), r.optimizer(), 2, 500, 0, 1)), "eval batch size");
    assertNotEquals(
        base, hash(r -> with(r, r.dataset(), r.optimizer(), 2, 1000, 5, 1)), "steps cap");
    SuiteSpec.DatasetSpec fewer = new SuiteSpec.DatasetSpec("mnist", null, 320, 200);
    assertNotEquals(base, hash(r -> with(r, fewer, r.optimizer(), 2, 1000, 0, 1)), "limit");
  }

  @Test
  void threadsPathsSuiteNameAndLabelTextDoNot() {
    String base = hash(r -> r);
    assertEquals(base, hash(r -> with(r, r.dataset(), r.optimizer(), 2, 1000, 0, 8)), "threads");
    SuiteSpec.DatasetSpec elsewhere = new SuiteSpec.DatasetSpec("mnist", "/elsewhere", 640, 200);
    assertEquals(base, hash(r -> with(r, elsewhere, r.optimizer(), 2, 1000, 0, 1)), "data dir");
    RunSpec renamed =
        new RunSpec(
            "other-suite",
            "SMGD-s1",
            "SMGD (paper)",
            BASE.dataset(),
            BASE.model(),
            BASE.objectives(),
            BASE.optimizer(),
            BASE.pruning(),
            1,
            2,
            32,
            1000,
            0,
            1);
    assertEquals(base, RunConfigHash.of(renamed, Map.of()));
  }

  @Test
  void loadedPluginJarsEnterTheHashInAnyOrder() {
    String none = RunConfigHash.of(BASE, Map.of());
    String one = RunConfigHash.of(BASE, Map.of("a.jar", "aa"));
    assertNotEquals(none, one);
    assertNotEquals(one, RunConfigHash.of(BASE, Map.of("a.jar", "ab")));
    assertEquals(
        RunConfigHash.of(BASE, Map.of("a.jar", "aa", "b.jar", "bb")),
        RunConfigHash.of(BASE, new java.util.TreeMap<>(Map.of("b.jar", "bb", "a.jar", "aa"))));
  }

  @Test
  void theSpecsHashUsesTheInstalledPluginProvider() {
    String before = BASE.configHash();
    try {
      PluginJarHashes.setProvider(() -> Map.of("x.jar", "00"));
      assertEquals(RunConfigHash.of(BASE, Map.of("x.jar", "00")), BASE.configHash());
      assertNotEquals(before, BASE.configHash());
    } finally {
      PluginJarHashes.setProvider(Map::of);
    }
  }
}
