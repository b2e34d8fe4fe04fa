package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suites of issue #26 load and validate (no training) and say what their comments promise: the
 * fair fronts train every weighting the full 30 epochs with 3 seeds over c2 from 0 to 3e-3 at the
 * paper's schedule or a constant rate; the method suites train the new rules beside SMGD,
 * initial-norm and the L1 baselines with 5 seeds.
 */
class KneeSuitesTest {
  private static SuiteSpec load(String name) {
    return SuiteLoader.load(Path.of("..", "suites", name + ".yaml"));
  }

  /** Loads a LeNet-5 suite of 30 epochs and checks its name, data set and seeds. */
  private static SuiteSpec loadImageSuite(String name, String data, List<Long> seeds) {
    SuiteSpec s = load(name);
    assertEquals(name, s.name());
    assertEquals(data.equals("mnist") ? "mnist" : "fashion-mnist", s.dataset().name(), name);
    assertEquals(seeds, s.seeds(), name);
    assertEquals(30, s.epochs(), name);
    return s;
  }

  /** Every planned run of the suite steps at lr 0.01 held constant; the suite plans that many. */
  private static void assertEveryRunAtTheConstantRate(SuiteSpec s, int runs) {
    List<RunSpec> plan = RunPlanner.plan(s);
    for (RunSpec r : plan) {
      assertEquals("constant", r.optimizer().settings().get("schedule"), r.runId());
      assertEquals(0.01, r.optimizer().settings().get("lr"), r.runId());
    }
    assertEquals(runs, plan.size(), s.name());
  }

  @Test
  void theFairFrontsTrainFullEpochsWithThreeSeedsAroundTheKnee() {
    for (String data : List.of("mnist", "fashion")) {
      for (String rate : List.of("", "-constant")) {
        String name = "knee-front" + rate + "-" + data;
        SuiteSpec s = load(name);
        assertEquals(name, s.name());
        assertEquals(data.equals("mnist") ? "mnist" : "fashion-mnist", s.dataset().name(), name);
        SuiteSpec.ParetoSpec p = s.pareto();
        assertEquals("sweep", p.search(), name);
        assertEquals(30, s.epochs(), name);
        assertEquals(30, p.epochs(), name + ": every weighting the suite's full epochs");
        assertFalse(p.retrain(), name);
        assertEquals(List.of(1L, 2L, 3L), p.seeds(), name);
        assertTrue(p.sweep().containsAll(List.of(0.0, 1e-4, 1e-3, 3e-3)), name + " " + p.sweep());
        assertEquals(p.sweep().size(), p.maxEvaluations(), name + ": the whole list is trained");
        assertEquals(32, s.batchSize(), name);
        var step = p.weightedSettings(1, 0);
        assertEquals(rate.isEmpty() ? "inverse_time+logistic" : "constant", step.get("schedule"));
        assertEquals(0.01, step.get("lr"));
        assertEquals(0.9, step.get("momentum"));
      }
    }
  }

  @Test
  void theMethodSuitesRunTheNewRulesBesideTheBaselinesWithFiveSeeds() {
    for (String data : List.of("mnist", "fashion")) {
      SuiteSpec s = load("knee-" + data);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), s.seeds());
      assertEquals(30, s.epochs());
      assertEquals(
          List.of(
              "MinNorm",
              "InitialNorm",
              "MinNormUnit",
              "EpochNorm",
              "InitialLoss",
              "SGD+L1",
              "Adam+L1"),
          s.optimizers().stream().map(SuiteSpec.OptimizerSpec::label).toList());
      assertEquals(35, RunPlanner.plan(s).size());
      assertEquals(
          List.of("min-norm", "initial-norm", "min-norm-unit", "epoch-norm", "initial-loss"),
          s.optimizers().subList(0, 5).stream()
              .map(o -> (String) o.settings().get("combiner"))
              .toList());
    }
  }

  @Test
  void theConstantRateSuitesRunTheHoldingRulesAtOneScheduleWithFiveSeeds() {
    for (String data : List.of("mnist", "fashion")) {
      String name = "knee-constant-" + data;
      SuiteSpec s = loadImageSuite(name, data, List.of(1L, 2L, 3L, 4L, 5L));
      assertEquals(
          List.of("initial-loss", "min-norm", "initial-norm"),
          s.optimizers().stream().map(o -> (String) o.settings().get("combiner")).toList(),
          name);
      assertEveryRunAtTheConstantRate(s, 15);
    }
  }

  @Test
  void theOtherRulesRunAtTheConstantRateAsThePublishedSuitesHaveThemWithThreeSeeds() {
    for (String data : List.of("mnist", "fashion")) {
      String name = "knee-combiners-constant-" + data;
      SuiteSpec s = loadImageSuite(name, data, List.of(1L, 2L, 3L));
      assertEquals(
          List.of(
              "min-norm",
              "min-norm",
              "min-norm",
              "pcgrad",
              "cagrad",
              "nashmtl",
              "imtlg",
              "aligned-mtl",
              "min-norm-unit",
              "epoch-norm"),
          s.optimizers().stream().map(o -> (String) o.settings().get("combiner")).toList(),
          name);
      // "at its defaults": each rule's settings are those of the decaying-rate suites it comes
      // from, the schedule alone changed.
      Map<String, Map<String, Object>> before = new HashMap<>();
      for (String from : List.of("combiners-" + data, "knee-" + data)) {
        for (SuiteSpec.OptimizerSpec o : load(from).optimizers()) {
          before.put(o.label(), o.settings());
        }
      }
      for (SuiteSpec.OptimizerSpec o : s.optimizers()) {
        Map<String, Object> expected = new HashMap<>(before.get(o.label()));
        expected.put("schedule", "constant");
        assertEquals(expected, o.settings(), name + " " + o.label());
      }
      assertEveryRunAtTheConstantRate(s, 30);
    }
  }

  @Test
  void theSpeechSuiteSharesItsReferenceRunsWithTheDeepSpeechSuite() {
    SuiteSpec knee = load("knee-deepspeech-numbers");
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), knee.seeds());
    assertEquals("initial-loss", knee.optimizers().get(0).settings().get("combiner"));
    Map<String, String> earlier = new HashMap<>();
    for (RunSpec r : RunPlanner.plan(load("deepspeech-numbers"))) {
      earlier.put(r.runId(), r.configHash());
    }
    int shared = 0;
    Map<String, String> ownHashes = new HashMap<>();
    for (RunSpec r : RunPlanner.plan(knee)) {
      if (r.label().startsWith("InitialLoss")) {
        ownHashes.put(r.label() + "-" + r.seed(), r.configHash());
      }
      if (r.label().startsWith("InitialLoss") || r.seed() > 3) {
        continue;
      }
      // The suite's comment tells the user to copy these runs in: they must be the same runs.
      assertEquals(earlier.get(r.runId()), r.configHash(), r.runId());
      shared++;
    }
    assertEquals(9, shared);
    // `apply: combined` makes InitialLossCombined a run of its own, not InitialLoss's again.
    assertEquals(10, ownHashes.size());
    for (long seed = 1; seed <= 5; seed++) {
      assertNotEquals(
          ownHashes.get("InitialLoss-" + seed), ownHashes.get("InitialLossCombined-" + seed));
    }
  }
}
