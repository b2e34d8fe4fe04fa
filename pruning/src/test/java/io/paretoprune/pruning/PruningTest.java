package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.HookContext;
import io.paretoprune.core.train.StepHook;
import io.paretoprune.core.train.StepRuleState;
import io.paretoprune.pruning.rule.MagnitudeRule;
import io.paretoprune.pruning.rule.RandomRule;
import io.paretoprune.pruning.rule.ThresholdRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PruningTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  static HookContext context(ParameterCatalog catalog, long step) {
    return new HookContext(catalog, step, 1, 10, 100, StepRuleState.NONE, null);
  }

  static long zeros(float[] a) {
    long n = 0;
    for (float v : a) {
      n += v == 0 ? 1 : 0;
    }
    return n;
  }

  @Test
  void thresholdPrunesAtTauAndKeepsJustAbove() {
    try (NDManager m = NDManager.newBaseManager()) {
      float tau = 0.001f;
      NDArray w =
          m.create(new float[] {tau, -tau, Math.nextUp(tau), -Math.nextUp(tau), 0.5f, 0f, 1e-4f});
      NDArray mask = new ThresholdRule(tau).keepMasks(List.of(w), 0).get(0);
      assertArrayEquals(new float[] {0, 0, 1, 1, 1, 0, 0}, mask.toFloatArray());
    }
  }

  @Test
  void thresholdHookPrunesDenseOnlyAndBeforeTraining() {
    try (NDManager m = NDManager.newBaseManager()) {
      SequentialBlock net = TestNets.lenet(m, 1);
      ParameterCatalog catalog = ParameterCatalog.of(net);
      for (ParameterRef p : catalog.all()) {
        p.array().muli(0.004f); // Glorot values scaled so that a good share is below 0.001
      }
      float[] convBefore = catalog.get("conv1.weight").array().toFloatArray();
      StepHook hook = PruningStrategies.create("threshold", PluginSettings.empty());
      hook.beforeTraining(context(catalog, 0));
      for (ParameterRef p : catalog.select(io.paretoprune.core.param.ParameterSelector.dense())) {
        for (float v : p.array().toFloatArray()) {
          assertTrue(v == 0 || Math.abs(v) > 0.001f, p.name() + " kept " + v);
        }
      }
      assertTrue(zeros(catalog.get("dense1.weight").array().toFloatArray()) > 1000);
      assertArrayEquals(convBefore, catalog.get("conv1.weight").array().toFloatArray());
    }
  }

  @Test
  void magnitudeReachesTheTargetPerLayerAndGlobally() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomNormal(new Shape(1000));
      NDArray b = m.randomNormal(new Shape(301)).mul(10);
      List<NDArray> masks = new MagnitudeRule(false).keepMasks(List.of(a, b), 0.3);
      assertEquals(300, zeros(masks.get(0).toFloatArray()), 1);
      assertEquals(90, zeros(masks.get(1).toFloatArray()), 1);
      List<NDArray> global = new MagnitudeRule(true).keepMasks(List.of(a, b), 0.3);
      long pruned = zeros(global.get(0).toFloatArray()) + zeros(global.get(1).toFloatArray());
      assertEquals(390, pruned, 1);
      assertTrue(
          zeros(global.get(0).toFloatArray()) > zeros(global.get(1).toFloatArray()),
          "global magnitude prunes the small-valued array first");
      float[] av = a.toFloatArray();
      float[] am = masks.get(0).toFloatArray();
      float maxPruned = 0;
      float minKept = Float.MAX_VALUE;
      for (int i = 0; i < av.length; i++) {
        if (am[i] == 0) {
          maxPruned = Math.max(maxPruned, Math.abs(av[i]));
        } else {
          minKept = Math.min(minKept, Math.abs(av[i]));
        }
      }
      assertTrue(maxPruned <= minKept);
    }
  }

  @Test
  void randomIsReproducibleAndBlindToMagnitude() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.randomNormal(new Shape(20000));
      float[] a = new RandomRule(false, 5).keepMasks(List.of(w), 0.5).get(0).toFloatArray();
      float[] b = new RandomRule(false, 5).keepMasks(List.of(w), 0.5).get(0).toFloatArray();
      float[] c = new RandomRule(false, 6).keepMasks(List.of(w), 0.5).get(0).toFloatArray();
      assertArrayEquals(a, b);
      assertFalse(java.util.Arrays.equals(a, c));
      assertEquals(10000, zeros(a), 1);
      float[] v = w.toFloatArray();
      double prunedMean = 0;
      double allMean = 0;
      for (int i = 0; i < v.length; i++) {
        allMean += Math.abs(v[i]) / v.length;
        prunedMean += a[i] == 0 ? Math.abs(v[i]) / 10000 : 0;
      }
      // sd of |N(0,1)| is 0.6; the mean of 10,000 draws is within 0.03 of the whole's mean
      assertEquals(allMean, prunedMean, 0.03, "random pruning is biased by magnitude");
      NDArray withZeros = m.create(new float[] {0, 0, 0, 5, 6, 7, 8, 9, 1, 2});
      float[] z = new RandomRule(false, 1).keepMasks(List.of(withZeros), 0.3).get(0).toFloatArray();
      assertArrayEquals(
          new float[] {0, 0, 0, 1, 1, 1, 1, 1, 1, 1}, z, "existing zeros count first");
    }
  }

  @Test
  void schedulesRampWithNumbers() {
    PruningSchedule lin = new PruningSchedule("linear", 0.8, 100, 300, 10);
    assertEquals(0, lin.targetAt(100));
    assertEquals(0.4, lin.targetAt(200), 1e-12);
    assertEquals(0.8, lin.targetAt(1000), 1e-12);
    PruningSchedule poly = new PruningSchedule("polynomial", 0.8, 0, 100, 1);
    assertEquals(0.8 * (1 - 0.125), poly.targetAt(50), 1e-12);
    assertTrue(lin.isDue(20) && !lin.isDue(25) && lin.isDue(0));
    assertEquals(0.5, PruningSchedule.constant(0.5).targetAt(0));
  }

  @Test
  void badSettingsNameTheKey() {
    assertEquals("tau", fail("threshold", Map.of("tau", -1)).key());
    assertEquals("tau", fail("threshold", Map.of("tau", "big")).key());
    assertEquals("target", fail("magnitude", Map.of("target", 1.0)).key());
    assertEquals("regrowth", fail("magnitude", Map.of("regrowth", "sometimes")).key());
    assertEquals("on", fail("threshold", Map.of("on", "dense.kernal")).key());
    assertEquals("end_step", fail("random", Map.of("ramp", "linear", "start_step", 5)).key());
    assertEquals("taux", fail("threshold", Map.of("taux", 1)).key());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> PruningStrategies.create("trheshold", PluginSettings.empty()));
    assertTrue(
        e.getMessage().contains("known: magnitude, none, random, threshold"), e.getMessage());
  }

  private static ConfigException fail(String name, Map<String, ?> settings) {
    return assertThrows(
        ConfigException.class, () -> PruningStrategies.create(name, new PluginSettings(settings)));
  }
}
