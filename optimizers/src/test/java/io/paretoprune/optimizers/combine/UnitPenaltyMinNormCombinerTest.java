package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.combine;
import static io.paretoprune.optimizers.combine.Vectors.dot;
import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import org.junit.jupiter.api.Test;

/** min-norm-unit against hand-computed minimum-norm points of (g1, g2 / ||g2||, ...). */
class UnitPenaltyMinNormCombinerTest {
  private static double[] weights(double[]... g) {
    return new UnitPenaltyMinNormCombiner().weights(gram(g));
  }

  @Test
  void orthogonalGradientsFollowTheSquareRootLaw() {
    // u2 = (0, 1); the min-norm point of (3, 0) and (0, 1) weighs them 1/10 and 9/10, so on the raw
    // g2 of norm 200 the weight is 0.9 / 200: c2 / c1 = ||g1||^2 / ||g2|| = 9 / 200.
    double[] c = weights(v(3, 0), v(0, 200));
    assertArrayEquals(v(0.1, 0.0045), c, 1e-15);
    assertArrayEquals(v(0.3, 0.9), combine(c, new double[][] {v(3, 0), v(0, 200)}), 1e-14);
    // SMGD's own rule on the same gradients: c2 / c1 = 9 / 200^2, 200 times less.
    double[] smgd = new MinNormCombiner().weights(gram(new double[][] {v(3, 0), v(0, 200)}));
    assertEquals(9.0 / 40000, smgd[1] / smgd[0], 1e-15);
    // The L1 gradient of n nonzero weights has norm sqrt(n): the pull scales as 1 / sqrt(n).
    for (double n : new double[] {100, 10_000, 1_000_000}) {
      double[] w = weights(v(0.5, 0), v(0, Math.sqrt(n)));
      assertEquals(0.25 / Math.sqrt(n), w[1] / w[0], 1e-12 / Math.sqrt(n));
    }
  }

  @Test
  void conflictingGradientsGetACommonDescentDirection() {
    // u2 = (-1, 0). Min-norm point of a = (1, 1), b = (-1, 0): weight of a (b.b - a.b) / ||a -
    // b||^2
    // = 2 / 5, so d = (-0.2, 0.4) with a.d = b.d = ||d||^2 = 0.2; on the raw g2 = 4 b: 0.6 / 4.
    double[][] g = {v(1, 1), v(-4, 0)};
    double[] c = weights(g);
    assertArrayEquals(v(0.4, 0.15), c, 1e-15);
    double[] d = combine(c, g);
    assertArrayEquals(v(-0.2, 0.4), d, 1e-15);
    assertTrue(dot(g[0], d) > 0 && dot(g[1], d) > 0, "d descends on both objectives");
    assertEquals(4 * dot(d, d), dot(g[1], d), 1e-15); // g2 . d = ||g2|| ||d||^2
  }

  @Test
  void threeObjectivesAndAZeroPenalty() {
    // Orthonormal after scaling: equal weights 1/3 on (g1, g2/2, g3/4).
    assertArrayEquals(
        v(1 / 3.0, 1 / 6.0, 1 / 12.0), weights(v(1, 0, 0), v(0, 2, 0), v(0, 0, 4)), 1e-15);
    // A zero penalty gradient keeps scale 1: the answer of plain min-norm (all weight on it, d =
    // 0).
    double[][] zero = {v(2, 0), v(0, 0)};
    assertArrayEquals(new MinNormCombiner().weights(gram(zero)), weights(zero), 0);
  }

  @Test
  void badInputsAndTheProvider() {
    assertThrows(
        NonFiniteGradientException.class,
        () -> new UnitPenaltyMinNormCombiner().weights(new double[][] {{Double.NaN, 0}, {0, 1}}));
    assertEquals("min-norm-unit", new UnitPenaltyMinNormCombinerProvider().name());
  }
}
