package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.combine;
import static io.paretoprune.optimizers.combine.Vectors.dot;
import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.norm;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** IMTL-G against its definition: equal projections of d on every unit gradient, sum 1. */
class ImtlGCombinerTest {
  private static double[] weights(double[][] g) {
    return new ImtlGCombiner().weights(gram(g));
  }

  private static void assertImpartial(double[][] g, double[] alpha) {
    double sum = 0;
    for (double a : alpha) {
      assertTrue(Double.isFinite(a));
      sum += a;
    }
    assertEquals(1, sum, 1e-12);
    double[] d = combine(alpha, g);
    double first = Double.NaN;
    for (double[] gi : g) {
      if (norm(gi) == 0) {
        continue;
      }
      double p = dot(d, gi) / norm(gi);
      if (Double.isNaN(first)) {
        first = p;
      }
      assertEquals(first, p, 1e-10 * (1 + Math.abs(first)));
    }
  }

  @Test
  void twoOrthogonalGradientsHandComputed() {
    // u1 = (1,0), u2 = (0,1): d = (a1, 2 a2) must have equal coordinates, so a = (2/3, 1/3).
    double[][] g = {v(1, 0), v(0, 2)};
    double[] a = weights(g);
    assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, a, 1e-15);
    assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3}, combine(a, g), 1e-15);
  }

  @Test
  void twoConflictingAndTwoAligned() {
    double[][] conflicting = {v(1, 0), v(-3, 1)};
    double[] a = weights(conflicting);
    assertImpartial(conflicting, a);
    assertTrue(a[0] >= 0 && a[1] >= 0, "k = 2 stays in [0, 1]");
    double[][] aligned = {v(1, 0.2), v(5, 2)};
    assertImpartial(aligned, weights(aligned));
  }

  @Test
  void threeGradientsAndANegativeWeight() {
    double[][] g = {v(1, 0, 0.2), v(-0.7, 0.8, 0), v(-0.3, -0.9, 0.5)};
    assertImpartial(g, weights(g));
    // Equal projections here need a negative share of g1 (the conditions fix alpha uniquely).
    double[][] h = {v(-4, 1, 0), v(-4, 0, 2), v(2, 4, 0)};
    double[] a = weights(h);
    assertImpartial(h, a);
    assertTrue(a[0] < -0.1, "alpha_1 = " + a[0]);
    Random r = new Random(2);
    for (int t = 0; t < 30; t++) {
      int k = 2 + t % 3;
      double[][] x = new double[k][5];
      for (double[] row : x) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian();
        }
      }
      assertImpartial(x, weights(x));
    }
  }

  @Test
  void aZeroGradientGetsWeightZero() {
    double[][] g = {v(1, 0), v(0, 0), v(0, 2)};
    assertArrayEquals(new double[] {2.0 / 3, 0, 1.0 / 3}, weights(g), 1e-15);
    assertArrayEquals(new double[] {0, 1}, weights(new double[][] {v(0, 0), v(3, 4)}), 0);
    assertArrayEquals(new double[] {0.5, 0.5}, weights(new double[][] {v(0, 0), v(0, 0)}), 0);
  }

  @Test
  void parallelGradientsAreSolvedByThePseudoInverse() {
    // Every split projects equally: the smallest alpha_2, i.e. (1, 0).
    double[][] g = {v(1, 0), v(3, 0)};
    double[] a = weights(g);
    assertImpartial(g, a);
    assertArrayEquals(new double[] {1, 0}, a, 1e-12);
  }
}
