package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.combine;
import static io.paretoprune.optimizers.combine.Vectors.dot;
import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Aligned-MTL against its definition on explicit vectors: d is the sum of k orthogonal aligned
 * gradients of squared norm lambda_min, so {@code ||d||^2 = k lambda_min} at full rank, with
 * lambda_min from the quadratic formula (k = 2) or Commons Math (k = 3); plus hand-computed cases.
 */
class AlignedMtlCombinerTest {
  private static double[] weights(double[][] g) {
    return new AlignedMtlCombiner().weights(gram(g));
  }

  /** The smaller eigenvalue of a symmetric 2 x 2 matrix. */
  private static double smallest(double[][] m) {
    double tr = m[0][0] + m[1][1];
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    return tr / 2 - Math.sqrt(tr * tr / 4 - det);
  }

  @Test
  void orthogonalGradientsHandComputed() {
    // G = diag(9, 1): W = diag(1/3, 1), aligned gradients (1,0) and (0,1), d = (1,1).
    double[][] g = {v(3, 0), v(0, 1)};
    double[] c = weights(g);
    assertArrayEquals(new double[] {1.0 / 3, 1}, c, 1e-12);
    assertArrayEquals(new double[] {1, 1}, combine(c, g), 1e-12);
  }

  @Test
  void twoConflictingOrAlignedGradientsGiveTheSumOfAnOrthogonalEqualNormSystem() {
    for (double[][] g :
        new double[][][] {
          {v(1, 0), v(-0.8, 0.6)}, {v(1, 0.2), v(5, 2)}, {v(0.3, 0.2), v(-120, 90)}
        }) {
      double[] c = weights(g);
      double[] d = combine(c, g);
      double lmin = smallest(gram(g));
      // d = g1' + g2' with g1', g2' orthogonal of squared norm lmin: ||d||^2 = 2 lmin.
      assertEquals(2 * lmin, dot(d, d), 1e-9 * (1 + 2 * lmin));
    }
  }

  @Test
  void threeGradientsAlignedSystemIsOrthogonal() {
    Random r = new Random(5);
    for (int t = 0; t < 20; t++) {
      int k = 2 + t % 2;
      double[][] g = new double[k][5];
      for (double[] row : g) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian() * (1 + 5 * r.nextDouble());
        }
      }
      double[] c = weights(g);
      double[] d = combine(c, g);
      // For full rank, ||d||^2 = k lmin (the sum of k orthogonal vectors of squared norm lmin).
      org.apache.commons.math3.linear.EigenDecomposition e =
          new org.apache.commons.math3.linear.EigenDecomposition(
              new org.apache.commons.math3.linear.Array2DRowRealMatrix(gram(g)));
      double lmin = java.util.Arrays.stream(e.getRealEigenvalues()).min().getAsDouble();
      assertEquals(k * lmin, dot(d, d), 1e-8 * (1 + k * lmin));
    }
  }

  @Test
  void nearlyParallelGradientsFallUnderTheReferencesRankCut() {
    // lambda_min ~ 5e-11 < lambda_max k eps(float32): rank 1, W = v v^T with v ~ (1,1)/sqrt 2,
    // so c = v (v . 1) ~ (1, 1).
    double[][] g = {v(1, 0), v(1, 1e-5)};
    assertArrayEquals(new double[] {1, 1}, weights(g), 1e-5);
  }

  @Test
  void aZeroGradientGetsWeightZeroAndAllZeroGivesNoStep() {
    // Rank 1: only g1's direction is kept, W = e1 e1^T, d = g1.
    double[][] g = {v(2, 0), v(0, 0)};
    assertArrayEquals(new double[] {1, 0}, weights(g), 1e-12);
    assertArrayEquals(new double[] {0, 0}, weights(new double[][] {v(0, 0), v(0, 0)}), 0);
  }
}
