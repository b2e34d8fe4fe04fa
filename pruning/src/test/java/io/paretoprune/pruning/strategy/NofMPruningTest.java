package io.paretoprune.pruning.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.pruning.Fixtures;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.Regrowth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NofMPruningTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static float[] keep(NofMPruning rule, NDArray w, Mask prior) {
    ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, w);
    try (Mask mask = rule.computeMask(List.of(p), prior, new PruningContext(1, 1, 0, 0))) {
      assertEquals(w.getShape(), mask.keep(0).getShape());
      return mask.keep(0).toFloatArray();
    }
  }

  @Test
  void twoOfFourByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w =
          m.create(
              new float[] {0.1f, -0.5f, 0.3f, 0.2f, 1, 2, -3, 4, 1, 1, 1, 1}, new Shape(1, 12));
      assertArrayEquals(
          // Ties (the last group) keep the earlier weights.
          new float[] {0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0}, keep(new NofMPruning(2, 4), w, null));
    }
  }

  @Test
  void groupsRunAlongTheInputDimensionOfEachRow() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Two units of 4 inputs: 1 of 2 keeps each row's larger half-pair, never mixing rows.
      NDArray w = m.create(new float[] {1, 2, 3, 4, 8, 7, 6, 5}, new Shape(2, 4));
      assertArrayEquals(new float[] {0, 1, 0, 1, 1, 0, 1, 0}, keep(new NofMPruning(1, 2), w, null));
    }
  }

  @Test
  void aShortTailGroupKeepsMinOfNAndItsLength() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {5, 1, 2, 6, 0.5f, 0.25f}, new Shape(1, 6));
      // Groups [5 1 2 6] and the tail [0.5 0.25].
      assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, keep(new NofMPruning(2, 4), w, null));
      assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0}, keep(new NofMPruning(1, 4), w, null));
    }
  }

  /** Brute force: each group keeps the n-subset of largest sum |w| among all C(m, n). */
  @Test
  void everyGroupKeepsItsBruteForceBestSubset() {
    int[][] cases = {{2, 4, 12}, {3, 8, 16}, {1, 4, 9}, {2, 3, 7}};
    try (NDManager m = NDManager.newBaseManager()) {
      for (int[] c : cases) {
        int n = c[0];
        int mm = c[1];
        int fan = c[2];
        NDArray w = m.randomNormal(new Shape(5, fan));
        float[] v = w.toFloatArray();
        float[] k = keep(new NofMPruning(n, mm), w, null);
        for (int row = 0; row < 5; row++) {
          for (int from = 0; from < fan; from += mm) {
            int size = Math.min(mm, fan - from);
            int bestBits = -1;
            double best = -1;
            for (int bits = 0; bits < 1 << size; bits++) {
              if (Integer.bitCount(bits) != Math.min(n, size)) {
                continue;
              }
              double sum = 0;
              for (int j = 0; j < size; j++) {
                if ((bits >> j & 1) == 1) {
                  sum += Math.abs(v[row * fan + from + j]);
                }
              }
              if (sum > best) {
                best = sum;
                bestBits = bits;
              }
            }
            for (int j = 0; j < size; j++) {
              assertEquals(
                  (bestBits >> j & 1) == 1 ? 1f : 0f,
                  k[row * fan + from + j],
                  n + ":" + mm + " row " + row + " group at " + from);
            }
          }
        }
      }
    }
  }

  @Test
  void aConvKernelGroupsItsFlattenedFanInAndBiasesAreLeftAlone() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray conv =
          m.create(new float[] {4, 3, 2, 1, 9, 8, 1, 2, 3, 4, 5, 6}, new Shape(2, 1, 2, 3));
      NDArray bias = m.create(new float[] {0.1f, 0.2f});
      List<ParameterRef> ps =
          List.of(
              Fixtures.ref("conv1", "weight", ParameterKind.CONV_KERNEL, conv),
              Fixtures.ref("conv1", "bias", ParameterKind.CONV_BIAS, bias));
      try (Mask mask =
          new NofMPruning(1, 3).computeMask(ps, null, new PruningContext(1, 1, 0, 0))) {
        // Fan-in 6 per filter, groups [4 3 2] [1 9 8] and [1 2 3] [4 5 6].
        assertArrayEquals(
            new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1}, mask.keep(0).toFloatArray());
        assertArrayEquals(new float[] {1, 1}, mask.keep(1).toFloatArray());
      }
    }
  }

  @Test
  void aPriorMasksPrunedWeightsRankBelowEveryKeptOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {9, 0, 0.5f, 0.25f}, new Shape(1, 4));
      ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, w);
      try (Mask prior =
          new Mask(List.of("dense1.weight"), List.of(m.create(new float[] {0, 1, 1, 1})))) {
        // 9 was pruned before: the group keeps the two largest the prior allows, 0.5 and 0.25,
        // rather than 9 (pruned) and the tie-broken 0.
        assertArrayEquals(new float[] {0, 0, 1, 1}, keep(new NofMPruning(2, 4), w, prior));
      }
      assertEquals("dense1.weight", p.name());
    }
  }

  @Test
  void refusesBadNAndM() {
    assertThrows(IllegalArgumentException.class, () -> new NofMPruning(4, 4));
    assertThrows(IllegalArgumentException.class, () -> new NofMPruning(0, 4));
    assertThrows(IllegalArgumentException.class, () -> new NofMPruning(1, 1));
    assertThrows(IllegalArgumentException.class, () -> new NofMPruning(1, NofMPruning.MAX_M + 1));
  }

  /** Through the hook: every group of every kernel has at most n nonzeros, after each event. */
  @Test
  void theHookHoldsTheNofMPatternUnderBothPolicies() {
    for (Regrowth regrowth : Regrowth.values()) {
      try (NDManager m = NDManager.newBaseManager()) {
        ParameterCatalog c = ParameterCatalog.of(Fixtures.dense(m, 2, 8, 6, 3));
        c.get("dense1.bias").array().addi(0.01f); // DJL starts biases at 0
        PruningHook h =
            new PruningHook(
                new NofMPruning(2, 4),
                ParameterSelector.dense(),
                new PruningSchedule(
                    PruningSchedule.Ramp.CONSTANT, 0, 0, PruningSchedule.RUN_END, 2),
                regrowth);
        h.beforeTraining(Fixtures.context(c, 0, 10));
        for (int step = 1; step <= 3; step++) {
          c.get("dense1.weight").array().addi(m.randomNormal(new Shape(6, 8)));
          h.afterStep(Fixtures.context(c, step, 10));
          if (step % 2 == 0 || regrowth == Regrowth.FIXED) {
            for (String name : List.of("dense1.weight", "dense2.weight")) {
              NDArray a = c.get(name).array();
              float[] v = a.toFloatArray();
              int fan = (int) a.getShape().get(1); // 8, and 6: a full group and a tail of 2
              for (int g = 0; g < v.length; g += 4) {
                int end = Math.min(g + 4, (g / fan + 1) * fan);
                int nz = 0;
                for (int j = g; j < end; j++) {
                  nz += v[j] != 0 ? 1 : 0;
                }
                assertTrue(nz <= 2, regrowth + " " + name + " step " + step + " group " + g);
                if (end - g < 4) {
                  g = end - 4; // the next row starts a new group
                }
              }
            }
          }
          assertEquals(0, Fixtures.zeros(c.get("dense1.bias").array()), "biases untouched");
        }
        // Step 3 is no event: under regrow the weights moved freely since step 2, under fixed
        // the accumulated mask (at least half of dense1) still holds.
        long zeros = Fixtures.zeros(c.get("dense1.weight").array());
        assertTrue(regrowth == Regrowth.FIXED ? zeros >= 24 : zeros == 0, regrowth + ": " + zeros);
      }
    }
  }
}
