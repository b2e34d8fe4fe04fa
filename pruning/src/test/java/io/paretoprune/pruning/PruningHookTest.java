package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.pruning.PruningSchedule.Ramp;
import io.paretoprune.pruning.strategy.MagnitudePruning;
import io.paretoprune.pruning.strategy.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PruningHookTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  @Test
  void paperDefaultsPruneDenseKernelsAndBiasesAndLeaveConvAlone() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = TestNets.lenet(m, 5);
      ParameterCatalog c = ParameterCatalog.of(net);
      for (ParameterRef p : c.all()) {
        // Half the entries of every parameter at 1e-4, below the threshold.
        float[] v = new float[Math.toIntExact(p.size())];
        for (int i = 0; i < v.length; i++) {
          v[i] = i % 2 == 0 ? 1e-4f : -0.5f;
        }
        p.array().set(v);
      }
      PruningHook hook =
          (PruningHook) PruningStrategies.create("threshold", PluginSettings.empty());
      hook.beforeTraining(Fixtures.context(c, 0, 10));
      for (ParameterRef p : c.all()) {
        long zeros = Fixtures.zeros(p.array());
        if (p.kind().isDense()) {
          assertEquals((p.size() + 1) / 2, zeros, p.name());
        } else {
          assertEquals(0, zeros, p.name());
        }
      }
    }
  }

  @Test
  void selectionMatchingNothingIsAConfigErrorOnTheKeyOn() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 4, 3));
      StepHook hook =
          PruningStrategies.create("threshold", new PluginSettings(Map.of("on", "dense7")));
      ConfigException e =
          assertThrows(ConfigException.class, () -> hook.beforeTraining(Fixtures.context(c, 0, 1)));
      assertEquals("on", e.key());
      assertTrue(e.getMessage().contains("dense1.weight"), e.getMessage());
    }
  }

  @Test
  void regrowPrunesOnlyAtEventsOfTheSchedule() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 20, 10));
      List<ParameterRef> ps = c.select(ParameterSelector.dense());
      PruningHook hook =
          new PruningHook(
              new MagnitudePruning(Scope.LAYER),
              ParameterSelector.dense(),
              new PruningSchedule(Ramp.CONSTANT, 0.5, 0, PruningSchedule.RUN_END, 2),
              Regrowth.REGROW);
      hook.beforeTraining(Fixtures.context(c, 0, 10));
      assertEquals(105, Fixtures.zeros(ps));
      shift(ps);
      hook.afterStep(Fixtures.context(c, 1, 10));
      assertEquals(0, Fixtures.zeros(ps), "step 1 is no event: the weights grew back");
      hook.afterStep(Fixtures.context(c, 2, 10));
      assertEquals(105, Fixtures.zeros(ps));
    }
  }

  @Test
  void fixedHoldsTheMaskBetweenEvents() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 20, 10));
      List<ParameterRef> ps = c.select(ParameterSelector.dense());
      PruningHook hook =
          new PruningHook(
              new MagnitudePruning(Scope.LAYER),
              ParameterSelector.dense(),
              new PruningSchedule(Ramp.CONSTANT, 0.5, 0, PruningSchedule.RUN_END, 5),
              Regrowth.FIXED);
      hook.beforeTraining(Fixtures.context(c, 0, 10));
      float[] pruned = ps.get(0).array().toFloatArray();
      shift(ps);
      hook.afterStep(Fixtures.context(c, 1, 10));
      assertEquals(105, Fixtures.zeros(ps));
      float[] now = ps.get(0).array().toFloatArray();
      for (int i = 0; i < now.length; i++) {
        assertEquals(pruned[i] == 0, now[i] == 0, "entry " + i);
      }
    }
  }

  @Test
  void linearRampThroughTheHookPrunesTheScheduledCountAtEveryStep() {
    for (Regrowth policy : Regrowth.values()) {
      try (NDManager m = NDManager.newBaseManager()) {
        ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 1, 20, 10));
        ParameterRef w = c.get("dense1.weight");
        PruningHook hook =
            new PruningHook(
                new MagnitudePruning(Scope.LAYER),
                ParameterSelector.parse("dense1.weight"),
                new PruningSchedule(Ramp.LINEAR, 0.6, 0, PruningSchedule.RUN_END, 1),
                policy);
        hook.beforeTraining(Fixtures.context(c, 0, 10));
        long[] zeros = new long[11];
        zeros[0] = Fixtures.zeros(w.array());
        for (int step = 1; step <= 10; step++) {
          hook.afterStep(Fixtures.context(c, step, 10));
          zeros[step] = Fixtures.zeros(w.array());
        }
        // round(0.06 * t * 200)
        assertArrayEquals(
            new long[] {0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120}, zeros, policy.toString());
      }
    }
  }

  /** Stands in for an optimizer step that moves every weight away from 0. */
  private static void shift(List<ParameterRef> ps) {
    for (ParameterRef p : ps) {
      p.array().addi(p.array().sign().add(0.5f).sign().mul(0.01f));
    }
  }
}
