package io.paretoprune.pruning.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.pruning.Fixtures;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MagnitudePruningTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** Two layers, kernel and bias each, of deliberately different magnitudes. */
  private static List<ParameterRef> layers(NDManager m) {
    return List.of(
        Fixtures.ref(
            "dense1",
            "weight",
            ParameterKind.DENSE_KERNEL,
            m.randomUniform(-1, 1, new Shape(37, 29))),
        Fixtures.ref(
            "dense1", "bias", ParameterKind.DENSE_BIAS, m.randomUniform(-1, 1, new Shape(37))),
        Fixtures.ref(
            "dense2",
            "weight",
            ParameterKind.DENSE_KERNEL,
            m.randomUniform(-0.1f, 0.1f, new Shape(11, 37))),
        Fixtures.ref(
            "dense2",
            "bias",
            ParameterKind.DENSE_BIAS,
            m.randomUniform(-0.1f, 0.1f, new Shape(11))));
  }

  private static long pruned(Mask mask, int... indices) {
    long z = 0;
    for (int i : indices) {
      z += mask.pruned(i);
    }
    return z;
  }

  @Test
  void layerScopeHitsTheTargetInEachLayerWithinOneWeight() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<ParameterRef> ps = layers(m);
      for (double target : new double[] {0.0, 0.1, 0.333, 0.5, 0.9, 0.99}) {
        try (Mask mask =
            new MagnitudePruning(Scope.LAYER)
                .computeMask(ps, null, new PruningContext(1, 1, target, 0))) {
          long n1 = 37 * 29 + 37;
          long n2 = 11 * 37 + 11;
          assertTrue(Math.abs(pruned(mask, 0, 1) - target * n1) <= 0.5, "dense1 at " + target);
          assertTrue(Math.abs(pruned(mask, 2, 3) - target * n2) <= 0.5, "dense2 at " + target);
        }
      }
    }
  }

  @Test
  void globalScopeHitsTheTargetOverTheSelectionAndPrunesTheSmallLayerMost() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<ParameterRef> ps = layers(m);
      try (Mask mask =
          new MagnitudePruning(Scope.GLOBAL)
              .computeMask(ps, null, new PruningContext(1, 1, 0.3, 0))) {
        long n = 37 * 29 + 37 + 11 * 37 + 11;
        assertTrue(Math.abs(pruned(mask, 0, 1, 2, 3) - 0.3 * n) <= 0.5);
        // One ranking over everything: every pruned |w| is at most every kept |w| ...
        float maxPruned = 0;
        float minKept = Float.MAX_VALUE;
        for (int i = 0; i < ps.size(); i++) {
          float[] v = ps.get(i).array().toFloatArray();
          float[] keep = mask.keep(i).toFloatArray();
          for (int j = 0; j < v.length; j++) {
            if (keep[j] == 0) {
              maxPruned = Math.max(maxPruned, Math.abs(v[j]));
            } else {
              minKept = Math.min(minKept, Math.abs(v[j]));
            }
          }
        }
        assertTrue(maxPruned <= minKept, maxPruned + " > " + minKept);
        // ... so dense2, ten times smaller, loses far more than 30% (about 87%) and dense1 far
        // less (about 9%).
        assertTrue(pruned(mask, 2, 3) > 0.7 * (11 * 37 + 11));
        assertTrue(pruned(mask, 0, 1) < 0.15 * (37 * 29 + 37));
      }
    }
  }

  @Test
  void prunesExactlyTheSmallestMagnitudes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.randomUniform(-1, 1, new Shape(50, 40));
      ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, w);
      try (Mask mask =
          new MagnitudePruning(Scope.LAYER)
              .computeMask(List.of(p), null, new PruningContext(1, 1, 0.4, 0))) {
        float[] keep = mask.keep(0).toFloatArray();
        float[] v = w.toFloatArray();
        float maxPruned = 0;
        float minKept = Float.MAX_VALUE;
        for (int i = 0; i < v.length; i++) {
          if (keep[i] == 0) {
            maxPruned = Math.max(maxPruned, Math.abs(v[i]));
          } else {
            minKept = Math.min(minKept, Math.abs(v[i]));
          }
        }
        assertTrue(maxPruned <= minKept, maxPruned + " > " + minKept);
        assertEquals(800, mask.pruned(0));
      }
    }
  }

  @Test
  void tiesAtZeroDoNotOvershootTheCount() {
    try (NDManager m = NDManager.newBaseManager()) {
      // 600 of 1000 weights are exactly 0; a target of 0.25 must still prune exactly 250.
      float[] v = new float[1000];
      for (int i = 600; i < 1000; i++) {
        v[i] = i;
      }
      ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, m.create(v));
      try (Mask mask =
          new MagnitudePruning(Scope.LAYER)
              .computeMask(List.of(p), null, new PruningContext(1, 1, 0.25, 0))) {
        assertEquals(250, mask.pruned(0));
      }
    }
  }

  @Test
  void weightsPrunedByThePriorMaskAreCountedFirstAndStayPruned() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] v = new float[100];
      float[] prior = new float[100];
      for (int i = 0; i < 100; i++) {
        v[i] = i + 1;
        // the prior pruned the 20 largest weights (as if they had been small then)
        prior[i] = i >= 80 ? 0 : 1;
      }
      ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, m.create(v));
      Mask priorMask = new Mask(List.of("dense1.weight"), List.of(m.create(prior)));
      try (Mask mask =
          new MagnitudePruning(Scope.LAYER)
              .computeMask(List.of(p), priorMask, new PruningContext(1, 1, 0.3, 0))) {
        float[] keep = mask.keep(0).toFloatArray();
        assertEquals(30, mask.pruned(0));
        for (int i = 80; i < 100; i++) {
          assertEquals(0, keep[i], "prior-pruned weight " + i);
        }
        // the other 10 are the smallest of the rest
        for (int i = 0; i < 10; i++) {
          assertEquals(0, keep[i]);
        }
        assertNotEquals(0, keep[10]);
      }
    }
  }
}
