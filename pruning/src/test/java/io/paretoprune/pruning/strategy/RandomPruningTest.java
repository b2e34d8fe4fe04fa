package io.paretoprune.pruning.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.pruning.Fixtures;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RandomPruningTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static float[] keep(RankedPruning rule, ParameterRef p, double target) {
    try (Mask mask = rule.computeMask(List.of(p), null, new PruningContext(1, 1, target, 0))) {
      return mask.keep(0).toFloatArray();
    }
  }

  private static ParameterRef weights(NDManager m, int rows, int cols) {
    return Fixtures.ref(
        "dense1",
        "weight",
        ParameterKind.DENSE_KERNEL,
        m.randomUniform(-1, 1, new Shape(rows, cols)));
  }

  @Test
  void sameSeedSameChoiceOtherSeedOtherChoice() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterRef p = weights(m, 30, 30);
      float[] a = keep(new RandomPruning(Scope.LAYER, 42), p, 0.5);
      float[] b = keep(new RandomPruning(Scope.LAYER, 42), p, 0.5);
      float[] c = keep(new RandomPruning(Scope.LAYER, 43), p, 0.5);
      assertArrayEquals(a, b);
      assertFalse(Arrays.equals(a, c));
      assertEquals(450, 900 - (long) sum(a));
      assertEquals(450, 900 - (long) sum(c));
    }
  }

  @Test
  void aNewNetworkWithTheSameNamesGetsTheSameChoice() {
    RandomPruning rule = new RandomPruning(Scope.LAYER, 9);
    float[] first;
    try (NDManager m = NDManager.newBaseManager()) {
      first = keep(rule, weights(m, 10, 10), 0.5);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      assertArrayEquals(first, keep(rule, weights(m, 10, 10), 0.5));
    }
  }

  @Test
  void prunedSetsAreNestedAsTheTargetGrows() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterRef p = weights(m, 20, 20);
      RandomPruning rule = new RandomPruning(Scope.LAYER, 7);
      float[] low = keep(rule, p, 0.2);
      float[] high = keep(rule, p, 0.6);
      for (int i = 0; i < low.length; i++) {
        assertTrue(low[i] == 1 || high[i] == 0, "pruned at 0.2 but kept at 0.6: " + i);
      }
    }
  }

  /**
   * Over 100,000 weights uniform in (-1, 1), the mean |w| of a random half is 0.5 with a standard
   * error of about 0.0009; magnitude pruning's pruned half has mean 0.25. A tolerance of 0.01 is
   * more than ten standard errors and far from the magnitude figure.
   */
  @Test
  void isNotBiasedByMagnitude() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterRef p = weights(m, 200, 500);
      float[] v = p.array().toFloatArray();
      double overall = meanAbs(v, null, -1);
      float[] random = keep(new RandomPruning(Scope.LAYER, 1), p, 0.5);
      float[] magnitude = keep(new MagnitudePruning(Scope.LAYER), p, 0.5);
      assertEquals(overall, meanAbs(v, random, 0), 0.01);
      assertEquals(overall, meanAbs(v, random, 1), 0.01);
      assertTrue(meanAbs(v, magnitude, 0) < overall - 0.2, "the check can tell a biased rule");
    }
  }

  @Test
  void globalScopeCountsOverTheSelection() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<ParameterRef> ps =
          List.of(
              weights(m, 40, 25),
              Fixtures.ref(
                  "dense2",
                  "weight",
                  ParameterKind.DENSE_KERNEL,
                  m.randomUniform(-1, 1, new Shape(10, 10))));
      try (Mask mask =
          new RandomPruning(Scope.GLOBAL, 3)
              .computeMask(ps, null, new PruningContext(1, 1, 0.7, 0))) {
        assertEquals(770, mask.pruned(0) + mask.pruned(1));
      }
    }
  }

  private static double meanAbs(float[] v, float[] keep, float which) {
    double s = 0;
    long n = 0;
    for (int i = 0; i < v.length; i++) {
      if (keep == null || keep[i] == which) {
        s += Math.abs(v[i]);
        n++;
      }
    }
    return s / n;
  }

  private static double sum(float[] a) {
    double s = 0;
    for (float f : a) {
      s += f;
    }
    return s;
  }
}
