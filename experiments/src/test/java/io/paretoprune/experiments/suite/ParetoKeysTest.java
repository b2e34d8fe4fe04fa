package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of a suite's {@code pareto:} block: seeds per weighting, the sweep's c2, full epochs.
 */
class ParetoKeysTest {
  @TempDir Path tmp;

  static String suite(String pareto) {
    return SuiteParseTest.GOOD.replace("epochs: 3", "epochs: 30") + "pareto: " + pareto + "\n";
  }

  static SuiteSpec.ParetoSpec parse(String pareto) throws Exception {
    return SuiteParseTest.parse(suite(pareto)).pareto();
  }

  static ConfigException fails(String pareto) {
    return SuiteParseTest.fails(suite(pareto));
  }

  @Test
  void withoutTheNewKeysASearchIsOneSeedThePapersSweepAndAThirdOfTheEpochs() throws Exception {
    SuiteSpec.ParetoSpec p = parse("{search: sweep}");
    assertEquals(1, p.seedsPerWeighting());
    assertEquals(List.of(1L), p.seeds());
    assertNull(p.sweep());
    assertEquals(0, p.epochs()); // E/3, chosen by the runner
    assertEquals(20, p.maxEvaluations());
    assertTrue(p.retrain());
  }

  @Test
  void seedsPerWeightingCountsFromTheSeed() throws Exception {
    SuiteSpec.ParetoSpec p = parse("{search: bisection, seed: 4, seeds_per_weighting: 3}");
    assertEquals(List.of(4L, 5L, 6L), p.seeds());
    assertEquals(
        "s.yaml: pareto.seeds_per_weighting: must be between 1 and 100, got 0",
        fails("{search: sweep, seeds_per_weighting: 0}").getMessage());
  }

  @Test
  void aSweepTakesItsOwnListOfC2AndCountsItsEvaluations() throws Exception {
    SuiteSpec.ParetoSpec p = parse("{search: sweep, c2: [0, 1.0e-4, 3.0e-3]}");
    assertEquals(List.of(0.0, 1e-4, 3e-3), p.sweep());
    assertEquals(3, p.maxEvaluations());
    assertEquals(
        "s.yaml: pareto.c2: only a sweep takes a list of c2 (this search is bisection); remove c2",
        fails("{search: bisection, c2: [0, 0.1]}").getMessage());
    assertEquals(
        "s.yaml: pareto.c2[1]: c2 must be in [0, 1) (c1 = 1 - c2 > 0), got 1.5",
        fails("{search: sweep, c2: [0, 1.5]}").getMessage());
    assertEquals(
        "s.yaml: pareto.c2[2]: c2 = 1.0E-4 is listed twice",
        fails("{search: sweep, c2: [0, 1.0e-4, 0.0001]}").getMessage());
    assertEquals(
        "s.yaml: pareto.c2[0]: expected a number, got 'low'",
        fails("{search: sweep, c2: [low, 0.1]}").getMessage());
    assertEquals(
        "s.yaml: pareto.c2: a sweep needs at least two values of c2",
        fails("{search: sweep, c2: [0.1]}").getMessage());
    assertEquals(
        "s.yaml: pareto.c2: expected a list", fails("{search: sweep, c2: 0.1}").getMessage());
  }

  @Test
  void aListOfC2IsTrainedWholeAndEachValueIsItsOwnWeighting() throws Exception {
    assertEquals(
        5, parse("{search: sweep, c2: [0, 1.0e-4, 3.0e-3], max_evaluations: 5}").maxEvaluations());
    assertEquals(
        "s.yaml: pareto.max_evaluations: 2 is fewer than the 3 values of c2, so the sweep would"
            + " leave out the last 1; remove max_evaluations or list fewer values of c2",
        fails("{search: sweep, c2: [0, 1.0e-4, 3.0e-3], max_evaluations: 2}").getMessage());
    // One weighting to the search (c2 to 1e-12) and one run folder (c2 to 6 digits).
    assertEquals(
        "s.yaml: pareto.c2[1]: c2 = 1.0E-13 is listed twice",
        fails("{search: sweep, c2: [0, 1.0e-13]}").getMessage());
    assertEquals(
        "s.yaml: pareto.c2[1]: c2 = 1.0000001E-4 is listed twice",
        fails("{search: sweep, c2: [1.0e-4, 1.0000001e-4]}").getMessage());
  }

  @Test
  void fullEpochsAreTheSuitesAndNeedNoRetraining() throws Exception {
    SuiteSpec.ParetoSpec p = parse("{search: sweep, epochs: full}");
    assertEquals(30, p.epochs());
    assertFalse(p.retrain());
    assertEquals(10, parse("{search: sweep, epochs: 10}").epochs());
    assertEquals(
        "s.yaml: pareto.retrain: the weightings train the suite's full 30 epochs (epochs: full),"
            + " so the knee needs no retraining; remove retrain or set it to false",
        fails("{search: sweep, epochs: full, retrain: true}").getMessage());
    assertEquals(
        "s.yaml: pareto.epochs: expected full (the suite's epochs) or a whole number, got 'all'",
        fails("{search: sweep, epochs: all}").getMessage());
  }

  @Test
  void aTypoInTheStepIsFoundBeforeAnyWeightingTrains() throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, suite("{search: sweep, step: {schedul: constant}}"));
    ConfigException e = assertThrows(ConfigException.class, () -> SuiteLoader.load(file));
    assertTrue(e.getMessage().startsWith(file + ": pareto.step"), e.getMessage());
    assertTrue(e.getMessage().contains("schedul"), e.getMessage());
    Files.writeString(file, suite("{search: sweep, step: {schedule: constant, lr: 0.01}}"));
    assertEquals("constant", SuiteLoader.load(file).pareto().stepSettings().get("schedule"));
  }
}
