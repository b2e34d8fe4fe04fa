package io.paretoprune.pruning.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.pruning.Fixtures;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.Regrowth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnitPruningTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** Units (rows) of norm 5, 1, 2 and 0, and their biases. */
  private static List<ParameterRef> handLayer(NDManager m) {
    return List.of(
        Fixtures.ref(
            "dense1",
            "weight",
            ParameterKind.DENSE_KERNEL,
            m.create(new float[] {3, 4, 0, 1, 0, 0, 0, 0, -2, 0, 0, 0}, new Shape(4, 3))),
        Fixtures.ref(
            "dense1", "bias", ParameterKind.DENSE_BIAS, m.create(new float[] {1, 2, 3, 4})));
  }

  @Test
  void targetPrunesTheUnitsOfSmallestNormWithTheirBiases() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<ParameterRef> ps = handLayer(m);
      try (Mask mask =
          UnitPruning.byTarget(Scope.LAYER)
              .computeMask(ps, null, new PruningContext(1, 1, 0.5, 0))) {
        // round(0.5 * 4) = 2 units: norms 0 (unit 3) and 1 (unit 1).
        assertArrayEquals(
            new float[] {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0}, mask.keep(0).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 1, 0}, mask.keep(1).toFloatArray());
        assertEquals(new Shape(4, 3), mask.keep(0).getShape());
      }
    }
  }

  @Test
  void tauPrunesEveryUnitWithNormAtMostTau() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<ParameterRef> ps = handLayer(m);
      try (Mask mask =
          UnitPruning.byThreshold(2).computeMask(ps, null, new PruningContext(1, 1, 0, 0))) {
        // Norms 5, 1, 2, 0: <= 2 pruned, the boundary included (as threshold's |w| <= tau).
        assertArrayEquals(
            new float[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, mask.keep(0).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0, 0}, mask.keep(1).toFloatArray());
      }
      try (Mask none =
          UnitPruning.byThreshold(0).computeMask(ps, null, new PruningContext(1, 1, 0, 0))) {
        assertArrayEquals(new float[] {1, 1, 1, 0}, none.keep(1).toFloatArray(), "only norm 0");
      }
    }
  }

  private static double[] norms(float[] w, int units) {
    int fan = w.length / units;
    double[] out = new double[units];
    for (int u = 0; u < units; u++) {
      for (int j = 0; j < fan; j++) {
        out[u] += (double) w[u * fan + j] * w[u * fan + j];
      }
      out[u] = Math.sqrt(out[u]);
    }
    return out;
  }

  /** Every k-subset of {0..n-1}. */
  private static List<Set<Integer>> subsets(int n, int k) {
    List<Set<Integer>> out = new ArrayList<>();
    for (int bits = 0; bits < 1 << n; bits++) {
      if (Integer.bitCount(bits) == k) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < n; i++) {
          if ((bits >> i & 1) == 1) {
            s.add(i);
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  /** Brute force: the pruned units are the k-subset of least total norm, over every subset. */
  @Test
  void prunedSetsAreTheBruteForceMinimumForBothScopes() {
    try (NDManager m = NDManager.newBaseManager()) {
      Random r = new Random(5);
      for (int trial = 0; trial < 5; trial++) {
        NDArray k1 = m.randomNormal(new Shape(6, 4)).mul(r.nextDouble() + 0.1);
        NDArray k2 = m.randomNormal(new Shape(5, 6)).mul(r.nextDouble() + 0.1);
        List<ParameterRef> ps =
            List.of(
                Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, k1),
                Fixtures.ref("dense2", "weight", ParameterKind.DENSE_KERNEL, k2));
        double[] n1 = norms(k1.toFloatArray(), 6);
        double[] n2 = norms(k2.toFloatArray(), 5);
        double[] all = new double[11];
        System.arraycopy(n1, 0, all, 0, 6);
        System.arraycopy(n2, 0, all, 6, 5);
        for (double target : new double[] {0.2, 0.5, 0.7}) {
          try (Mask layer =
                  UnitPruning.byTarget(Scope.LAYER)
                      .computeMask(ps, null, new PruningContext(1, 1, target, 0));
              Mask global =
                  UnitPruning.byTarget(Scope.GLOBAL)
                      .computeMask(ps, null, new PruningContext(1, 1, target, 0))) {
            assertEquals(best(n1, Math.round(target * 6)), pruned(layer.keep(0), 6, 0));
            assertEquals(best(n2, Math.round(target * 5)), pruned(layer.keep(1), 5, 0));
            Set<Integer> g = pruned(global.keep(0), 6, 0);
            g.addAll(pruned(global.keep(1), 5, 6));
            assertEquals(best(all, Math.round(target * 11)), g, "global at " + target);
          }
        }
      }
    }
  }

  private static Set<Integer> best(double[] norms, long k) {
    Set<Integer> arg = null;
    double min = Double.MAX_VALUE;
    for (Set<Integer> s : subsets(norms.length, (int) k)) {
      double sum = s.stream().mapToDouble(i -> norms[i]).sum();
      if (sum < min) {
        min = sum;
        arg = s;
      }
    }
    return arg;
  }

  /** Units whose whole row the mask zeroes, offset by {@code base}. */
  private static Set<Integer> pruned(NDArray keep, int units, int base) {
    float[] k = keep.toFloatArray();
    int fan = k.length / units;
    Set<Integer> out = new HashSet<>();
    for (int u = 0; u < units; u++) {
      float sum = 0;
      for (int j = 0; j < fan; j++) {
        sum += k[u * fan + j];
      }
      assertTrue(sum == 0 || sum == fan, "a unit is kept or pruned whole");
      if (sum == 0) {
        out.add(base + u);
      }
    }
    return out;
  }

  @Test
  void tiesAtZeroStillPruneAnExactCount() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<ParameterRef> ps =
          List.of(
              Fixtures.ref(
                  "dense1", "weight", ParameterKind.DENSE_KERNEL, m.zeros(new Shape(10, 3))));
      try (Mask mask =
          UnitPruning.byTarget(Scope.LAYER)
              .computeMask(ps, null, new PruningContext(1, 1, 0.3, 0))) {
        assertEquals(9, mask.pruned(0));
      }
    }
  }

  private static PruningHook hook(UnitPruning rule, String on, double target, Regrowth regrowth) {
    return new PruningHook(
        rule,
        ParameterSelector.parse(on),
        new PruningSchedule(PruningSchedule.Ramp.CONSTANT, target, 0, PruningSchedule.RUN_END, 1),
        regrowth);
  }

  /** Through the hook on a network: the output layer is left whole, pruned units output 0. */
  @Test
  void theHookNeverPrunesTheOutputLayerAndPrunedUnitsAreSilent() {
    try (NDManager m = NDManager.newBaseManager()) {
      SequentialBlock net = Fixtures.dense(m, 3, 6, 5, 4, 3);
      ParameterCatalog c = ParameterCatalog.of(net);
      for (String b : List.of("dense1.bias", "dense2.bias", "dense3.bias")) {
        c.get(b).array().addi(0.5f); // DJL starts biases at 0
      }
      UnitPruning rule = UnitPruning.byTarget(Scope.LAYER);
      hook(rule, "dense", 0.5, Regrowth.REGROW).beforeTraining(Fixtures.context(c, 0, 10));
      assertEquals("dense3", rule.outputLayer());
      assertEquals(0, Fixtures.zeros(c.get("dense3.weight").array()));
      // round(2.5) = 3 of dense1's 5 units, 2 of dense2's 4: rows and biases.
      assertEquals(3 * 6, Fixtures.zeros(c.get("dense1.weight").array()));
      assertEquals(3, Fixtures.zeros(c.get("dense1.bias").array()));
      assertEquals(2 * 5, Fixtures.zeros(c.get("dense2.weight").array()));
      assertEquals(2, Fixtures.zeros(c.get("dense2.bias").array()));
      // dense1's pruned units give 0 for every input: their outgoing weights no longer matter.
      SequentialBlock first = new SequentialBlock();
      first.add(net.getChildren().get(0).getValue());
      NDArray h =
          first
              .forward(
                  new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(7, 6))), false)
              .singletonOrThrow();
      float[] bias = c.get("dense1.bias").array().toFloatArray();
      for (int u = 0; u < 5; u++) {
        if (bias[u] == 0) {
          assertEquals(0f, c.get("dense1.weight").array().get(u).abs().sum().getFloat());
          assertEquals(0f, h.get(":, " + u).abs().sum().getFloat(), "unit " + u);
        } else {
          assertTrue(h.get(":, " + u).abs().sum().getFloat() > 0, "unit " + u);
        }
      }
    }
  }

  @Test
  void refusesASelectionOfOnlyTheOutputLayerOrABiasWithoutItsKernel() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 3, 6, 5, 3));
      ConfigException output =
          assertThrows(
              ConfigException.class,
              () ->
                  hook(UnitPruning.byThreshold(0.1), "dense2", 0, Regrowth.REGROW)
                      .beforeTraining(Fixtures.context(c, 0, 10)));
      assertEquals("on", output.key());
      assertTrue(output.getMessage().contains("output layer dense2"), output.getMessage());
      ConfigException bias =
          assertThrows(
              ConfigException.class,
              () ->
                  hook(UnitPruning.byThreshold(0.1), "dense1.bias", 0, Regrowth.REGROW)
                      .beforeTraining(Fixtures.context(c, 0, 10)));
      assertEquals("on", bias.key());
      assertTrue(
          bias.getMessage().contains("dense1.bias without dense1's kernel"), bias.getMessage());
    }
  }

  /**
   * As the other rules: under regrow a pruned unit whose weights grow back returns at the next
   * event; under fixed it stays 0 and a higher target prunes further, the pruned units counted
   * first.
   */
  @Test
  void regrowLetsAUnitBackAndFixedKeepsItPruned() {
    for (Regrowth regrowth : Regrowth.values()) {
      try (NDManager m = NDManager.newBaseManager()) {
        SequentialBlock net = Fixtures.dense(m, 4, 6, 8, 3);
        ParameterCatalog c = ParameterCatalog.of(net);
        ParameterRef w = c.get("dense1.weight");
        PruningHook h = hook(UnitPruning.byTarget(Scope.LAYER), "dense", 0.25, regrowth);
        h.beforeTraining(Fixtures.context(c, 0, 10));
        Set<Integer> first = zeroUnits(w.array(), 8);
        assertEquals(2, first.size());
        // A step moves the pruned units' weights to 3: now by far the largest norms.
        for (int u : first) {
          w.array().set(new ai.djl.ndarray.index.NDIndex(u), 3f);
        }
        h.afterStep(Fixtures.context(c, 1, 10));
        Set<Integer> second = zeroUnits(w.array(), 8);
        assertEquals(2, second.size());
        if (regrowth == Regrowth.FIXED) {
          assertEquals(first, second, "fixed: the same units stay pruned");
        } else {
          first.retainAll(second);
          assertTrue(first.isEmpty(), "regrow: the grown units came back, others went");
        }
      }
    }
  }

  private static Set<Integer> zeroUnits(NDArray w, int units) {
    float[] v = w.toFloatArray();
    int fan = v.length / units;
    Set<Integer> out = new HashSet<>();
    for (int u = 0; u < units; u++) {
      boolean zero = true;
      for (int j = 0; j < fan; j++) {
        zero &= v[u * fan + j] == 0;
      }
      if (zero) {
        out.add(u);
      }
    }
    return out;
  }
}
