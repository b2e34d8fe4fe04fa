package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grids, shared settings and {combiner, step} entries in a suite's optimizers list. */
class OptimizerEntriesTest {
  static final String HEAD =
      """
      name: t
      dataset: {name: mnist}
      model: {name: lenet5}
      objectives:
        - {name: f1, loss: cross_entropy}
        - {name: f2, l1: {on: dense.kernel}}
      seeds: [1]
      """;

  static SuiteSpec parse(String body) throws Exception {
    return SuiteParseTest.parse(HEAD + body);
  }

  static ConfigException fails(String body) {
    return SuiteParseTest.fails(HEAD + body);
  }

  @Test
  void aSuiteGridExpandsEveryEntryIntoLabelledRuns() throws Exception {
    SuiteSpec s =
        parse(
            """
            shared_settings: {momentum: 0.9}
            grid: {lr: [0.001, 1.0e-4], nesterov: [true, false]}
            optimizers:
              - {label: SMGD, name: smgd}
            """);
    assertEquals(
        List.of(
            "SMGD lr=0.001 nesterov=true",
            "SMGD lr=0.001 nesterov=false",
            "SMGD lr=0.0001 nesterov=true",
            "SMGD lr=0.0001 nesterov=false"),
        s.optimizers().stream().map(SuiteSpec.OptimizerSpec::label).toList());
    assertEquals(
        Map.of("momentum", 0.9, "lr", 1.0e-4, "nesterov", false), s.optimizers().get(3).settings());
    assertEquals("SMGD_lr_0.0001_nesterov_false-s1", RunPlanner.plan(s).get(3).runId());
  }

  @Test
  void listValuedGridsAndEntryGridsLabelPlainly() throws Exception {
    SuiteSpec s =
        parse(
            """
            optimizers:
              - label: W
                name: weighted
                grid: {weights: [[1.0, 0.0], [1.0, 3.0e-5]]}
              - {label: SMGD, name: smgd}
            """);
    assertEquals(
        List.of("W weights=[1, 0]", "W weights=[1, 0.00003]", "SMGD"),
        s.optimizers().stream().map(SuiteSpec.OptimizerSpec::label).toList());
    assertEquals(List.of(1.0, 3.0e-5), s.optimizers().get(1).settings().get("weights"));
  }

  @Test
  void aPairingIsTheCombineOptimizer() throws Exception {
    SuiteSpec s =
        parse(
            """
            optimizers:
              - {combiner: min-norm, step: adam, settings: {lr: 0.01}}
            """);
    SuiteSpec.OptimizerSpec o = s.optimizers().get(0);
    assertEquals("combine", o.name());
    assertEquals("min-norm", o.label());
    assertEquals(Map.of("combiner", "min-norm", "step", "adam", "lr", 0.01), o.settings());
  }

  @Test
  void keysSetTwiceOrOutOfPlaceAreErrorsNamingThem() {
    assertEquals(
        "optimizers[0].settings.lr",
        fails(
                """
                shared_settings: {lr: 0.01}
                optimizers:
                  - {name: smgd, settings: {lr: 0.05}}
                """)
            .key());
    assertEquals(
        "optimizers[0].settings.lr",
        fails(
                """
                grid: {lr: [0.01, 0.05]}
                optimizers:
                  - {name: smgd, settings: {lr: 0.05}}
                """)
            .key());
    assertEquals(
        "grid.lr",
        fails(
                """
                grid: {lr: []}
                optimizers:
                  - {name: smgd}
                """)
            .key());
    assertEquals(
        "grid.lr",
        fails(
                """
                grid: {lr: [0.01, 0.01]}
                optimizers:
                  - {name: smgd}
                """)
            .key());
    assertEquals(
        "optimizers[0].combiner",
        fails(
                """
                optimizers:
                  - {name: smgd, combiner: min-norm}
                """)
            .key());
    assertEquals(
        "optimizers[0].step",
        fails(
                """
                optimizers:
                  - {name: smgd, step: adam}
                """)
            .key());
    ConfigException twice =
        fails(
            """
            optimizers:
              - {label: A, name: smgd, grid: {lr: [0.01]}}
              - {label: A lr=0.01, name: smgd}
            """);
    assertTrue(twice.getMessage().contains("duplicate optimizer label"), twice.getMessage());
  }
}
