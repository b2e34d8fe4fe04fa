package io.paretoprune.optimizers.combine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import org.junit.jupiter.api.Test;

class CombinersTest {
  @Test
  void minNormCombinerReturnsTheSolversWeights() {
    MinNormCombiner c = new MinNormCombiner();
    assertTrue(c.needsGram());
    assertEquals(-1, c.arity());
    assertArrayEquals(new double[] {0.5, 0.5}, c.weights(new double[][] {{1, 0}, {0, 1}}), 1e-15);
    assertThrows(
        NonFiniteGradientException.class,
        () -> c.weights(new double[][] {{Double.NaN, 0}, {0, 1}}));
  }

  @Test
  void weightedSumIsFixedAndNeedsNoGram() {
    WeightedSumCombiner c = new WeightedSumCombiner(1, 3e-4);
    assertFalse(c.needsGram());
    assertEquals(2, c.arity());
    assertArrayEquals(new double[] {1, 3e-4}, c.weights((double[][]) null));
    // The returned array is a copy: a caller cannot change the rule.
    c.weights((double[][]) null)[0] = 5;
    assertArrayEquals(new double[] {1, 3e-4}, c.weights((double[][]) null));
  }

  @Test
  void weightedSumNormalisesOnRequest() {
    assertArrayEquals(
        new double[] {0.75, 0.25},
        new WeightedSumCombiner(new double[] {3, 1}, true).weights((double[][]) null));
    assertArrayEquals(
        new double[] {3, 1},
        new WeightedSumCombiner(new double[] {3, 1}, false).weights((double[][]) null));
  }

  @Test
  void weightedSumRejectsBadWeights() {
    IllegalArgumentException neg =
        assertThrows(IllegalArgumentException.class, () -> new WeightedSumCombiner(1, -0.1));
    assertTrue(neg.getMessage().contains("weight 1"), neg.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new WeightedSumCombiner(Double.NaN, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new WeightedSumCombiner(1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new WeightedSumCombiner(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new WeightedSumCombiner(new double[0]));
  }
}
