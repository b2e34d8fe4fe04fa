package io.paretoprune.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningStrategies;
import io.paretoprune.pruning.Regrowth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example pruning rule: found by name, its own key checked, the shared ones from the API. */
class RelativeThresholdProviderTest {
  private final PruningProvider rule = PruningStrategies.registry().get("relative-threshold");

  @Test
  void isFoundByNameAndTakesTheSharedKeys() {
    assertInstanceOf(RelativeThresholdProvider.class, rule);
    assertEquals(List.of("on", "regrowth", "fraction"), List.copyOf(rule.settings().keySet()));
  }

  @Test
  void theSharedKeysAreReadByPruningSettings() {
    PruningHook hook =
        assertInstanceOf(
            PruningHook.class,
            rule.create(new PluginSettings(Map.of("regrowth", "fixed", "on", "dense.kernel"))));
    assertEquals(Regrowth.FIXED, hook.regrowth());
    assertEquals(
        "regrowth",
        assertThrows(
                ConfigException.class,
                () -> rule.create(new PluginSettings(Map.of("regrowth", "sometimes"))))
            .key());
  }

  @Test
  void badFractionOrUnknownKeyNamesTheKey() {
    assertEquals(
        "fraction",
        assertThrows(
                ConfigException.class,
                () -> rule.create(new PluginSettings(Map.of("fraction", 1.5))))
            .key());
    assertEquals(
        "tau",
        assertThrows(
                ConfigException.class, () -> rule.create(new PluginSettings(Map.of("tau", 0.1))))
            .key());
  }
}
