package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import io.paretoprune.core.train.seam.CombinerInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MGDA's gradient normalisation, hand-computed on g1 = (3, 0), g2 = (0, 1), f = (2, 0.5). For two
 * orthogonal vectors a and b the min-norm weight on a is ||b||^2 / (||a||^2 + ||b||^2).
 */
class MinNormNormalizationTest {
  private static final double[][] G = gram(new double[][] {v(3, 0), v(0, 1)});
  private static final double[] LOSSES = {2, 0.5};

  private static MinNormCombiner rule(String id) {
    return new MinNormCombiner(GradientNormalization.byId(id));
  }

  private static double[] weights(MinNormCombiner c) {
    return c.weights(new CombinerInput(G, c.needsLosses() ? LOSSES : null, 1, 1));
  }

  @Test
  void noneIsTodaysRule() {
    MinNormCombiner c = rule("none");
    assertFalse(c.needsLosses());
    assertArrayEquals(new double[] {0.1, 0.9}, weights(c), 1e-15); // 1 / (9 + 1)
    assertEquals(Map.of(), c.recorded());
  }

  @Test
  void l2SolvesOnUnitGradientsAndAppliesTheWeightsToTheRawOnes() {
    MinNormCombiner c = rule("l2");
    assertFalse(c.needsLosses());
    // (1,0) and (0,1): (1/2, 1/2), applied as they are to g1 and g2 (MGDA's scale[t] = sol[t]).
    assertArrayEquals(new double[] {0.5, 0.5}, weights(c), 1e-15);
    assertArrayEquals(new double[] {3, 1}, c.recorded().get("gn"), 1e-15);
  }

  @Test
  void lossDividesByTheObjectiveValues() {
    MinNormCombiner c = rule("loss");
    assertTrue(c.needsLosses());
    // g1/2 = (1.5,0), g2/0.5 = (0,2): weight on the first 4 / (2.25 + 4) = 0.64.
    assertArrayEquals(new double[] {0.64, 0.36}, weights(c), 1e-15);
    assertArrayEquals(new double[] {2, 0.5}, c.recorded().get("gn"), 1e-15);
  }

  @Test
  void lossPlusDividesByValueTimesNorm() {
    MinNormCombiner c = rule("loss+");
    assertTrue(c.needsLosses());
    // n = (2*3, 0.5*1) = (6, 0.5): g1/6 = (0.5,0), g2/0.5 = (0,2): 4 / 4.25 on the first.
    assertArrayEquals(new double[] {4 / 4.25, 0.25 / 4.25}, weights(c), 1e-15);
    assertArrayEquals(new double[] {6, 0.5}, c.recorded().get("gn"), 1e-15);
  }

  @Test
  void aZeroGradientOrLossIsLeftUnscaled() {
    MinNormCombiner l2 = rule("l2");
    double[] c = l2.weights(CombinerInput.ofGram(gram(new double[][] {v(3, 0), v(0, 0)})));
    assertArrayEquals(new double[] {0, 1}, c, 0); // the zero gradient is the min-norm point
    assertArrayEquals(new double[] {3, 1}, l2.recorded().get("gn"), 0);
    MinNormCombiner loss = rule("loss");
    loss.weights(new CombinerInput(G, new double[] {0, 0.5}, 1, 1));
    assertArrayEquals(new double[] {1, 0.5}, loss.recorded().get("gn"), 0);
    assertThrows(
        NonFiniteGradientException.class,
        () -> loss.weights(new CombinerInput(G, new double[] {Double.NaN, 0.5}, 1, 1)));
  }

  @Test
  void unknownNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> GradientNormalization.byId("foo"));
  }
}
