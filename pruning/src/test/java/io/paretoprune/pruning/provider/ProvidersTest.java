package io.paretoprune.pruning.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.NoPruning;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.PruningSchedule.Ramp;
import io.paretoprune.pruning.PruningStrategies;
import io.paretoprune.pruning.Regrowth;
import io.paretoprune.pruning.strategy.MagnitudePruning;
import io.paretoprune.pruning.strategy.RandomPruning;
import io.paretoprune.pruning.strategy.Scope;
import io.paretoprune.pruning.strategy.ThresholdPruning;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProvidersTest {
  private static PruningHook hook(String name, Map<String, ?> settings) {
    return (PruningHook) PruningStrategies.create(name, new PluginSettings(settings));
  }

  @Test
  void registryFindsEveryStrategyWithItsSettingsDescribed() {
    List<String> names = PruningStrategies.all().stream().map(PruningProvider::name).toList();
    assertEquals(List.of("magnitude", "n-of-m", "none", "random", "threshold", "units"), names);
    for (PruningProvider p : PruningStrategies.all()) {
      assertFalse(p.description().isBlank(), p.name());
      p.settings().forEach((k, v) -> assertFalse(v.isBlank(), p.name() + "." + k));
    }
    assertEquals(
        List.of("tau", "on", "regrowth"),
        List.copyOf(PruningStrategies.registry().get("threshold").settings().keySet()));
  }

  @Test
  void thresholdDefaultsAreThePapers() {
    PruningHook h = hook("threshold", Map.of());
    ThresholdPruning rule = assertInstanceOf(ThresholdPruning.class, h.strategy());
    assertEquals(0.001, rule.tau());
    assertEquals(ParameterSelector.dense(), h.selector());
    assertEquals(Regrowth.REGROW, h.regrowth());
    assertEquals(PruningSchedule.everyStep(0), h.schedule());
  }

  @Test
  void thresholdReadsItsKeys() {
    PruningHook h =
        hook(
            "threshold",
            Map.of("tau", "0.01", "on", List.of("dense1", "dense2.weight"), "regrowth", "fixed"));
    assertEquals(0.01, ((ThresholdPruning) h.strategy()).tau());
    assertEquals(ParameterSelector.parse("dense1,dense2.weight"), h.selector());
    assertEquals(Regrowth.FIXED, h.regrowth());
  }

  @Test
  void magnitudeReadsItsSchedule() {
    PruningHook h =
        hook(
            "magnitude",
            Map.of(
                "target",
                0.9,
                "ramp",
                "polynomial",
                "start_step",
                10,
                "end_step",
                1000,
                "every",
                5,
                "scope",
                "global",
                "on",
                "dense.kernel",
                "regrowth",
                "fixed"));
    assertEquals(new PruningSchedule(Ramp.POLYNOMIAL, 0.9, 10, 1000, 5), h.schedule());
    assertEquals(Scope.GLOBAL, ((MagnitudePruning) h.strategy()).scope());
    assertEquals(ParameterSelector.denseKernels(), h.selector());
    assertEquals(Regrowth.FIXED, h.regrowth());
  }

  @Test
  void magnitudeAndRandomDefaults() {
    PruningHook mag = hook("magnitude", Map.of("target", 0.5));
    assertEquals(
        new PruningSchedule(Ramp.CONSTANT, 0.5, 0, PruningSchedule.RUN_END, 1), mag.schedule());
    assertEquals(Scope.LAYER, ((MagnitudePruning) mag.strategy()).scope());
    assertEquals(ParameterSelector.dense(), mag.selector());
    assertEquals(Regrowth.REGROW, mag.regrowth());
    RandomPruning random =
        (RandomPruning) hook("random", Map.of("target", 0.5, "seed", 12345678901L)).strategy();
    assertEquals(OptionalLong.of(12345678901L), random.seed());
    // Without a seed of its own, the rule draws from the run's (PruningContext.seed).
    assertEquals(
        OptionalLong.empty(),
        ((RandomPruning) hook("random", Map.of("target", 0.5)).strategy()).seed());
  }

  @Test
  void noneIsAHookThatDoesNothing() {
    assertInstanceOf(NoPruning.class, PruningStrategies.create("none", PluginSettings.empty()));
  }

  @Test
  void unknownStrategyNamesTheKnownOnes() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> PruningStrategies.create("lottery", PluginSettings.empty()));
    assertTrue(e.getMessage().contains("threshold"), e.getMessage());
  }

  static List<Arguments> badSettings() {
    return List.of(
        // unknown keys, one per provider
        Arguments.of("threshold", Map.of("taus", 0.1), "taus"),
        Arguments.of("magnitude", Map.of("target", 0.5, "seed", 1), "seed"),
        Arguments.of("random", Map.of("target", 0.5, "tau", 1), "tau"),
        Arguments.of("none", Map.of("on", "dense"), "on"),
        // wrong types
        Arguments.of("threshold", Map.of("tau", "small"), "tau"),
        Arguments.of("threshold", Map.of("tau", List.of(0.1)), "tau"),
        Arguments.of("magnitude", Map.of("target", "most"), "target"),
        Arguments.of("magnitude", Map.of("target", 0.5, "every", 1.5), "every"),
        Arguments.of("magnitude", Map.of("target", 0.5, "start_step", "soon"), "start_step"),
        Arguments.of("random", Map.of("target", 0.5, "seed", "abc"), "seed"),
        Arguments.of("random", Map.of("target", 0.5, "seed", 1.5), "seed"),
        // values out of range
        Arguments.of("threshold", Map.of("tau", -0.001), "tau"),
        Arguments.of("threshold", Map.of("tau", "Infinity"), "tau"),
        Arguments.of("magnitude", Map.of("target", 1.0), "target"),
        Arguments.of("magnitude", Map.of("target", -0.1), "target"),
        Arguments.of("random", Map.of("target", 1.5), "target"),
        Arguments.of("magnitude", Map.of(), "target"),
        Arguments.of("random", Map.of(), "target"),
        Arguments.of("magnitude", Map.of("target", 0.5, "every", 0), "every"),
        Arguments.of("magnitude", Map.of("target", 0.5, "start_step", -1), "start_step"),
        Arguments.of(
            "magnitude",
            Map.of("target", 0.5, "ramp", "linear", "start_step", 100, "end_step", 100),
            "end_step"),
        Arguments.of("magnitude", Map.of("target", 0.5, "end_step", 100), "end_step"),
        // unknown choices
        Arguments.of("threshold", Map.of("regrowth", "sometimes"), "regrowth"),
        Arguments.of("magnitude", Map.of("target", 0.5, "regrowth", "never"), "regrowth"),
        Arguments.of("random", Map.of("target", 0.5, "regrowth", "Fixed"), "regrowth"),
        Arguments.of("magnitude", Map.of("target", 0.5, "scope", "row"), "scope"),
        Arguments.of("magnitude", Map.of("target", 0.5, "ramp", "exponential"), "ramp"),
        // bad selectors
        Arguments.of("threshold", Map.of("on", "densee"), "on"),
        Arguments.of("threshold", Map.of("on", ""), "on"),
        Arguments.of("magnitude", Map.of("target", 0.5, "on", "dense,fc"), "on"),
        Arguments.of("random", Map.of("target", 0.5, "on", List.of("dense1", "kernel")), "on"));
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
  }
}
