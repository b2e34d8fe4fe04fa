package io.paretoprune.pruning.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.PruningSchedule.Ramp;
import io.paretoprune.pruning.PruningStrategies;
import io.paretoprune.pruning.Regrowth;
import io.paretoprune.pruning.strategy.NofMPruning;
import io.paretoprune.pruning.strategy.UnitPruning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code units} and {@code n-of-m} providers: their keys, defaults and refusals. */
class StructuredProvidersTest {
  private static PruningHook hook(String name, Map<String, ?> settings) {
    return (PruningHook) PruningStrategies.create(name, new PluginSettings(settings));
  }

  @Test
  void settingsAreListed() {
    assertEquals(
        List.of(
            "target", "tau", "ramp", "start_step", "end_step", "every", "scope", "on", "regrowth"),
        List.copyOf(PruningStrategies.registry().get("units").settings().keySet()));
    assertEquals(
        List.of("n", "m", "start_step", "every", "on", "regrowth"),
        List.copyOf(PruningStrategies.registry().get("n-of-m").settings().keySet()));
  }

  @Test
  void unitsByTargetTakesTheSchedule() {
    PruningHook h =
        hook(
            "units",
            Map.of(
                "target",
                0.5,
                "ramp",
                "linear",
                "end_step",
                100,
                "every",
                10,
                "regrowth",
                "fixed"));
    assertEquals("units(scope=layer)", h.strategy().toString());
    assertEquals(new PruningSchedule(Ramp.LINEAR, 0.5, 0, 100, 10), h.schedule());
    assertEquals(Regrowth.FIXED, h.regrowth());
    assertEquals(ParameterSelector.dense(), h.selector());
    assertEquals(
        "units(scope=global)",
        hook("units", Map.of("target", 0.5, "scope", "global")).strategy().toString());
  }

  @Test
  void unitsByTauPrunesAtEveryEventOfItsCadence() {
    PruningHook h = hook("units", Map.of("tau", 0.01, "on", "dense.kernel"));
    assertEquals("units(tau=0.01)", h.strategy().toString());
    assertEquals(
        new PruningSchedule(Ramp.CONSTANT, 0, 0, PruningSchedule.RUN_END, 1), h.schedule());
    PruningHook later = hook("units", Map.of("tau", 0.01, "start_step", 5, "every", 3));
    assertEquals(
        new PruningSchedule(Ramp.CONSTANT, 0, 5, PruningSchedule.RUN_END, 3), later.schedule());
    assertTrue(h.strategy() instanceof UnitPruning);
  }

  @Test
  void nOfMDefaultsToTwoOfFour() {
    PruningHook h = hook("n-of-m", Map.of());
    NofMPruning rule = (NofMPruning) h.strategy();
    assertEquals(2, rule.n());
    assertEquals(4, rule.m());
    assertEquals(PruningSchedule.everyStep(0), h.schedule());
    NofMPruning oneOfEight = (NofMPruning) hook("n-of-m", Map.of("n", 1, "m", 8)).strategy();
    assertEquals(1, oneOfEight.n());
    assertEquals(8, oneOfEight.m());
  }

  static List<Arguments> badSettings() {
    return List.of(
        Arguments.of("units", Map.of(), "target"),
        Arguments.of("units", Map.of("target", 0.5, "tau", 0.1), "tau"),
        Arguments.of("units", Map.of("target", 1.0), "target"),
        Arguments.of("units", Map.of("target", "half"), "target"),
        Arguments.of("units", Map.of("tau", -1), "tau"),
        Arguments.of("units", Map.of("tau", "Infinity"), "tau"),
        Arguments.of("units", Map.of("tau", 0.1, "scope", "global"), "scope"),
        Arguments.of("units", Map.of("tau", 0.1, "ramp", "linear"), "ramp"),
        Arguments.of("units", Map.of("tau", 0.1, "end_step", 10), "end_step"),
        Arguments.of("units", Map.of("tau", 0.1, "every", 0), "every"),
        Arguments.of("units", Map.of("target", 0.5, "scope", "unit"), "scope"),
        Arguments.of("units", Map.of("target", 0.5, "on", "dense,fc"), "on"),
        Arguments.of("units", Map.of("target", 0.5, "n", 2), "n"),
        Arguments.of("n-of-m", Map.of("n", 4, "m", 4), "n"),
        Arguments.of("n-of-m", Map.of("n", 5), "n"),
        Arguments.of("n-of-m", Map.of("n", 0), "n"),
        Arguments.of("n-of-m", Map.of("n", 1.5), "n"),
        Arguments.of("n-of-m", Map.of("m", 1), "m"),
        Arguments.of("n-of-m", Map.of("m", 65), "m"),
        Arguments.of("n-of-m", Map.of("m", "four"), "m"),
        Arguments.of("n-of-m", Map.of("target", 0.5), "target"),
        Arguments.of("n-of-m", Map.of("scope", "global"), "scope"),
        Arguments.of("n-of-m", Map.of("start_step", -1), "start_step"),
        Arguments.of("n-of-m", Map.of("regrowth", "never"), "regrowth"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badSettings")
  void badSettingsNameTheirKey(String provider, Map<String, ?> settings, String key) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> PruningStrategies.create(provider, new PluginSettings(settings)));
    assertEquals(key, e.key(), e.getMessage());
    assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
