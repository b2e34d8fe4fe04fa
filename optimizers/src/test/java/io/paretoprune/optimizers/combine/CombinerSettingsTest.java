package io.paretoprune.optimizers.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.optimizers.PluginCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The new combiners by name through the presets, and every bad setting naming its key. */
class CombinerSettingsTest {
  private static final Optimizers OPTIMIZERS = Optimizers.load();
  private static final TrainingSchedule RUN = new TrainingSchedule(30, 100);

  private static ConfiguredOptimizer create(String optimizer, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return OPTIMIZERS.create(optimizer, new PluginSettings(m), RUN, 2);
  }

  private static GradientCombiner combiner(ConfiguredOptimizer o) {
    List<GroupRule> groups = o.plan().groups();
    assertEquals(1, groups.size());
    return groups.get(0).combiner();
  }

  private static void failsOn(String key, String optimizer, Object... kv) {
    ConfigException e = assertThrows(ConfigException.class, () -> create(optimizer, kv));
    assertEquals(key, e.key(), e.getMessage());
    assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pcgrad",
        "cagrad",
        "nashmtl",
        "imtlg",
        "aligned-mtl",
        "min-norm",
        "initial-norm",
        "initial-loss",
        "min-norm-unit",
        "epoch-norm"
      })
  void everyCombinerIsListedAndBuildsWithItsDefaults(String name) {
    assertTrue(PluginCatalog.combiners().all().stream().anyMatch(p -> p.name().equals(name)));
    ConfiguredOptimizer o = create("combine", "combiner", name, "step", "sgd");
    assertTrue(o.description().startsWith(name + " + sgd (combined)"), o.description());
    assertFalse(combiner(o).fixedWeights());
  }

  @Test
  void settingsReachTheRules() {
    assertEquals(
        "cagrad(c=0.2)", combiner(create("combine", "combiner", "cagrad", "c", 0.2)).toString());
    assertEquals(
        "nashmtl(max_iterations=5, update_weights_every=10, max_norm=0.0)",
        combiner(
                create(
                    "combine",
                    "combiner",
                    "nashmtl",
                    "max_iterations",
                    5,
                    "update_weights_every",
                    10,
                    "max_norm",
                    0))
            .toString());
    GradientCombiner mn = combiner(create("combine", "combiner", "min-norm", "normalize", "loss+"));
    assertEquals("min-norm(normalize=loss+)", mn.toString());
    assertTrue(mn.needsLosses());
    // The presets built on min-norm take the key too.
    GradientCombiner smgd = combiner(create("smgd", "normalize", "l2"));
    assertEquals("min-norm(normalize=l2)", smgd.toString());
    assertFalse(smgd.needsLosses());
    assertEquals("min-norm", combiner(create("smgd")).toString());
  }

  @Test
  void badSettingsNameTheirKey() {
    failsOn("c", "combine", "combiner", "cagrad", "c", -1);
    failsOn("c", "combine", "combiner", "cagrad", "c", "big");
    failsOn("max_iterations", "combine", "combiner", "cagrad", "max_iterations", 0);
    failsOn("max_iterations", "combine", "combiner", "nashmtl", "max_iterations", 0);
    failsOn("max_iterations", "combine", "combiner", "nashmtl", "max_iterations", 2.5);
    failsOn("update_weights_every", "combine", "combiner", "nashmtl", "update_weights_every", 0);
    failsOn("max_norm", "combine", "combiner", "nashmtl", "max_norm", -1);
    failsOn("normalize", "combine", "combiner", "min-norm", "normalize", "foo");
    failsOn("normalize", "smgd", "normalize", "foo");
    failsOn("seed", "combine", "combiner", "pcgrad", "seed", 1.5);
    failsOn("seed", "combine", "combiner", "pcgrad", "seed", "x");
    // A key of another combiner is unknown to this one.
    failsOn("c", "combine", "combiner", "imtlg", "c", 0.5);
    failsOn("normalize", "combine", "combiner", "pcgrad", "normalize", "l2");
    failsOn("seed", "combine", "combiner", "aligned-mtl", "seed", 1);
    failsOn("warmup", "combine", "combiner", "initial-norm", "warmup", 0);
    failsOn("warmup", "combine", "combiner", "initial-norm", "warmup", 1.5);
    failsOn("every", "combine", "combiner", "epoch-norm", "every", 0);
    failsOn("warmup", "combine", "combiner", "initial-loss", "warmup", 0);
    failsOn("warmup", "combine", "combiner", "min-norm-unit", "warmup", 1);
  }

  @Test
  void providersCalledDirectlyRefuseUnknownKeys() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ImtlGCombinerProvider().create(new PluginSettings(Map.of("cc", 1)), 2));
    assertEquals("cc", e.key());
  }
}
