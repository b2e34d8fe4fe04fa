package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.StepHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every pruning rule, built-in or plug-in, gets the run's seed through its context. */
class RunSeedInContextTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** A rule as a plug-in would write it: keeps everything and notes the seed it was handed. */
  static final class SeedRecordingRule implements PruningStrategy {
    final List<Long> seeds = new ArrayList<>();

    @Override
    public Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context) {
      seeds.add(context.seed());
      List<String> names = new ArrayList<>();
      List<NDArray> keep = new ArrayList<>();
      for (ParameterRef p : targets) {
        names.add(p.name());
        keep.add(p.array().onesLike());
      }
      return new Mask(names, keep);
    }
  }

  /** A provider as a plug-in jar would ship it, through the public pruning API only. */
  static final class SeedRecordingProvider implements PruningProvider {
    final SeedRecordingRule rule = new SeedRecordingRule();

    @Override
    public String name() {
      return "seed-recording";
    }

    @Override
    public String description() {
      return "records the seeds it is handed";
    }

    @Override
    public Map<String, String> settings() {
      return PruningSettings.common();
    }

    @Override
    public StepHook create(PluginSettings settings) {
      settings.requireOnly(this);
      return PruningSettings.hook(rule, settings, PruningSchedule.everyStep(0));
    }
  }

  @Test
  void aPlugInRuleReadsTheRunsSeedFromItsContext() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 4, 3));
      SeedRecordingProvider provider = new SeedRecordingProvider();
      StepHook hook = provider.create(PluginSettings.empty(), 20240917L);
      hook.beforeTraining(Fixtures.context(c, 0, 2));
      hook.afterStep(Fixtures.context(c, 1, 2));
      assertEquals(List.of(20240917L, 20240917L), provider.rule.seeds);
    }
  }

  @Test
  void aHookMadeWithoutARunHandsZero() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 4, 3));
      SeedRecordingProvider provider = new SeedRecordingProvider();
      provider.create(PluginSettings.empty()).beforeTraining(Fixtures.context(c, 0, 2));
      assertEquals(List.of(0L), provider.rule.seeds);
    }
  }

  /** Built-in random pruning without a seed of its own draws from the run's, as with it set. */
  @Test
  void randomPruningDrawsFromTheRunsSeedUnlessItHasOne() {
    float[] run42 = randomKeep(Map.of("target", 0.5), 42);
    float[] run43 = randomKeep(Map.of("target", 0.5), 43);
    assertArrayEquals(randomKeep(Map.of("target", 0.5, "seed", 42), 7), run42);
    assertFalse(Arrays.equals(run42, run43));
    assertArrayEquals(
        randomKeep(Map.of("target", 0.5, "seed", 5), 42),
        randomKeep(Map.of("target", 0.5, "seed", 5), 43));
  }

  private static float[] randomKeep(Map<String, Object> settings, long runSeed) {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 20, 10));
      PruningStrategies.create("random", new PluginSettings(settings), runSeed)
          .beforeTraining(Fixtures.context(c, 0, 1));
      ParameterRef w = c.select(ParameterSelector.parse("dense.kernel")).get(0);
      float[] v = w.array().toFloatArray();
      float[] keep = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        keep[i] = v[i] == 0 ? 0 : 1;
      }
      return keep;
    }
  }
}
