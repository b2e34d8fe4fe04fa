package io.paretoprune.pruning.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class ThresholdPruningTest {
  private static final PruningContext CTX = new PruningContext(1, 1, 0, 0);

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static float[] keep(ThresholdPruning rule, NDManager m, float[] values) {
    ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, m.create(values));
    try (Mask mask = rule.computeMask(List.of(p), null, CTX)) {
      return mask.keep(0).toFloatArray();
    }
  }

  @Test
  void prunesAtTheThresholdAndKeepsJustAbove() {
    float tau = 0.001f;
    float above = Math.nextUp(tau);
    float below = Math.nextDown(tau);
    try (NDManager m = NDManager.newBaseManager()) {
      float[] values = {tau, above, below, -tau, -above, 0f, -0f, 0.5f, -0.5f, Float.MIN_VALUE};
      float[] expected = {0, 1, 0, 0, 1, 0, 0, 1, 1, 0};
      assertArrayEquals(expected, keep(new ThresholdPruning(0.001), m, values));
    }
  }

  @Test
  void isSymmetricInTheSign() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomUniform(-0.003f, 0.003f, new Shape(4000));
      float[] plus = keep(new ThresholdPruning(0.001), m, x.toFloatArray());
      float[] minus = keep(new ThresholdPruning(0.001), m, x.neg().toFloatArray());
      assertArrayEquals(plus, minus);
      // About a third of U(-0.003, 0.003) lies within 0.001 of 0: the test is not vacuous.
      double prunedShare = 1 - sum(plus) / plus.length;
      assertEquals(1.0 / 3, prunedShare, 0.05);
    }
  }

  @Test
  void zeroThresholdPrunesOnlyExactZeros() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] values = {0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -0f};
      assertArrayEquals(new float[] {0, 1, 1, 1, 0}, keep(new ThresholdPruning(0), m, values));
    }
  }

  @Test
  void doubleWeightsCompareAgainstTheExactDoubleThreshold() {
    try (NDManager m = NDManager.newBaseManager()) {
      double tau = 0.001;
      NDArray w = m.create(new double[] {tau, Math.nextUp(tau), -tau, -Math.nextUp(tau)});
      ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, w);
      try (Mask mask = new ThresholdPruning(tau).computeMask(List.of(p), null, CTX)) {
        assertArrayEquals(new double[] {0, 1, 0, 1}, mask.keep(0).toDoubleArray());
      }
    }
  }

  @Test
  void maskHasTheWeightsShapeAndType() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.randomUniform(-1, 1, new Shape(3, 5));
      ParameterRef p = Fixtures.ref("dense1", "weight", ParameterKind.DENSE_KERNEL, w);
      try (Mask mask = new ThresholdPruning(0.5).computeMask(List.of(p), null, CTX)) {
        assertEquals(w.getShape(), mask.keep(0).getShape());
        assertEquals(w.getDataType(), mask.keep(0).getDataType());
        assertEquals("dense1.weight", mask.name(0));
      }
    }
  }

  @Test
  void oneInstanceServesNetworkAfterNetwork() {
    ThresholdPruning rule = new ThresholdPruning(0.5);
    for (int run = 0; run < 3; run++) {
      try (NDManager m = NDManager.newBaseManager()) {
        assertArrayEquals(new float[] {0, 1, 0}, keep(rule, m, new float[] {0.5f, 0.75f, -0.25f}));
      }
    }
  }

  @Test
  void rejectsNegativeOrNonFiniteThresholds() {
    assertThrows(IllegalArgumentException.class, () -> new ThresholdPruning(-1e-9));
    assertThrows(IllegalArgumentException.class, () -> new ThresholdPruning(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new ThresholdPruning(Double.POSITIVE_INFINITY));
  }

  private static double sum(float[] a) {
    double s = 0;
    for (float f : a) {
      s += f;
    }
    return s;
  }
}
