package io.paretoprune.optimizers.combine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

class MinNormSolverTest {
  private final MinNormSolver solver = new MinNormSolver();

  private static double[][] vectors(Random r, int k, int n) {
    double[][] v = new double[k][n];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < n; j++) {
        v[i][j] = r.nextGaussian();
      }
    }
    return v;
  }

  static double[][] gram(double[][] v) {
    int k = v.length;
    double[][] g = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        for (int d = 0; d < v[i].length; d++) {
          g[i][j] += v[i][d] * v[j][d];
        }
      }
    }
    return g;
  }

  private static double quadratic(double[][] g, double[] c) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        s += c[i] * g[i][j] * c[j];
      }
    }
    return s;
  }

  private static void assertOnSimplex(double[] c) {
    double sum = 0;
    for (double x : c) {
      assertTrue(x >= 0, "negative weight " + x);
      sum += x;
    }
    assertEquals(1.0, sum, 1e-12);
  }

  /**
   * KKT conditions of min c^T G c on the simplex: (G c)_i >= c^T G c for all i, with equality where
   * c_i > 0.
   */
  private static void assertKkt(double[][] g, double[] c, double tol) {
    double v = quadratic(g, c);
    for (int i = 0; i < c.length; i++) {
      double gi = 0;
      for (int j = 0; j < c.length; j++) {
        gi += g[i][j] * c[j];
      }
      assertTrue(gi >= v - tol, "KKT: (Gc)_" + i + " = " + gi + " < c'Gc = " + v);
      if (c[i] > 1e-9) {
        assertEquals(v, gi, tol, "KKT: complementary slackness at " + i);
      }
    }
  }

  /**
   * Brute force by exhaustive search over supports: for every non-empty subset S, the affine
   * minimiser over S; the best one that is feasible (non-negative) is the optimum.
   */
  private static double[] exhaustive(double[][] g) {
    int k = g.length;
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int subset = 1; subset < (1 << k); subset++) {
      int mask = subset;
      int[] s = java.util.stream.IntStream.range(0, k).filter(i -> (mask >> i & 1) == 1).toArray();
      int m = s.length;
      Array2DRowRealMatrix a = new Array2DRowRealMatrix(m + 1, m + 1);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          a.setEntry(i, j, g[s[i]][s[j]]);
        }
        a.setEntry(i, m, 1);
        a.setEntry(m, i, 1);
      }
      DecompositionSolver lu = new LUDecomposition(a, 1e-13).getSolver();
      if (!lu.isNonSingular()) {
        continue;
      }
      ArrayRealVector rhs = new ArrayRealVector(m + 1);
      rhs.setEntry(m, 1);
      double[] x = lu.solve(rhs).toArray();
      double[] c = new double[k];
      boolean feasible = true;
      for (int i = 0; i < m; i++) {
        feasible &= x[i] >= -1e-12;
        c[s[i]] = Math.max(0, x[i]);
      }
      double v = quadratic(g, c);
      if (feasible && v < bestValue) {
        bestValue = v;
        best = c;
      }
    }
    return best;
  }

  @Test
  void matchesDenseGridForThreeObjectives() {
    Random r = new Random(11);
    int steps = 1500;
    for (int trial = 0; trial < 20; trial++) {
      double[][] g = gram(vectors(r, 3, 2 + trial % 4));
      MinNormResult res = solver.solve(g);
      assertOnSimplex(res.weights());
      double gridBest = Double.POSITIVE_INFINITY;
      for (int a = 0; a <= steps; a++) {
        for (int b = 0; a + b <= steps; b++) {
          double[] c = {a / (double) steps, b / (double) steps, (steps - a - b) / (double) steps};
          gridBest = Math.min(gridBest, quadratic(g, c));
        }
      }
      // Never worse than any grid point, and the grid gets within its resolution of it.
      assertTrue(res.normSquared() <= gridBest + 1e-12, res.normSquared() + " > " + gridBest);
      assertEquals(gridBest, res.normSquared(), 1e-4 * (1 + gridBest));
      assertEquals(quadratic(g, res.weights()), res.normSquared(), 1e-12);
    }
  }

  @Test
  void matchesExhaustiveSearchAndKktForTwoToSixObjectives() {
    Random r = new Random(5);
    for (int k = 2; k <= 6; k++) {
      for (int trial = 0; trial < 40; trial++) {
        // n >= k: G is positive definite and the minimiser unique.
        double[][] g = gram(vectors(r, k, k + 1 + trial % 5));
        MinNormResult res = solver.solve(g);
        assertOnSimplex(res.weights());
        assertKkt(g, res.weights(), 1e-9);
        assertArrayEquals(exhaustive(g), res.weights(), 1e-6, "k=" + k + " trial " + trial);
      }
    }
  }

  @Test
  void satisfiesKktWhenGradientsAreAffinelyDependent() {
    Random r = new Random(9);
    for (int k = 3; k <= 6; k++) {
      for (int trial = 0; trial < 40; trial++) {
        // Fewer dimensions than objectives: G is singular, the minimiser may not be unique.
        double[][] g = gram(vectors(r, k, 1 + trial % 3));
        MinNormResult res = solver.solve(g);
        assertOnSimplex(res.weights());
        assertKkt(g, res.weights(), 1e-9);
        assertEquals(quadratic(g, exhaustive(g)), res.normSquared(), 1e-9);
      }
    }
  }

  @Test
  void directionIsCommonDescentForEveryObjective() {
    Random r = new Random(3);
    for (int k = 2; k <= 6; k++) {
      for (int trial = 0; trial < 30; trial++) {
        int n = 1 + trial % 8;
        double[][] v = vectors(r, k, n);
        // Give the objectives very different scales, as cross-entropy vs L1 have.
        for (int d = 0; d < n; d++) {
          v[0][d] *= 1e-3;
          v[k - 1][d] *= 1e2;
        }
        MinNormResult res = solver.solve(gram(v));
        double[] c = res.weights();
        double[] d = new double[n];
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < n; j++) {
            d[j] += c[i] * v[i][j];
          }
        }
        double dd = 0;
        for (double x : d) {
          dd += x * x;
        }
        assertEquals(dd, res.normSquared(), 1e-9 * (1 + dd));
        for (int i = 0; i < k; i++) {
          double gd = 0;
          for (int j = 0; j < n; j++) {
            gd += v[i][j] * d[j];
          }
          assertTrue(gd >= dd - 1e-9 * (1 + dd), "g_" + i + ".d = " + gd + " < ||d||^2 = " + dd);
        }
      }
    }
  }

  @Test
  void twoObjectiveClosedForm() {
    // g1 = (1, 0), g2 = (0, 1): the midpoint.
    MinNormResult res = solver.solve(new double[][] {{1, 0}, {0, 1}});
    assertArrayEquals(new double[] {0.5, 0.5}, res.weights(), 1e-15);
    assertEquals(0.5, res.normSquared(), 1e-15);
    assertEquals(0, res.iterations());
    assertFalse(res.paretoStationary());
    // g1 = (1, 0), g2 = (2, 1): (g2 - g1).g2 = 3 > ||g2 - g1||^2 = 2, clipped: all on g1.
    assertArrayEquals(new double[] {1, 0}, solver.solve(new double[][] {{1, 2}, {2, 5}}).weights());
    // g1 = (3, 0), g2 = (1, 1): c1 = ((g2-g1).g2) / ||g2-g1||^2 = -1/5 -> 0, all on g2.
    assertArrayEquals(new double[] {0, 1}, solver.solve(new double[][] {{9, 3}, {3, 2}}).weights());
    // g1 = (1, 1), g2 = (1, -1): c = (1/2, 1/2), d = (1, 0).
    assertArrayEquals(
        new double[] {0.5, 0.5}, solver.solve(new double[][] {{2, 0}, {0, 2}}).weights(), 1e-15);
  }

  @Test
  void tinySecondWeightKeepsItsDigits() {
    // The paper's regime: ||g1||^2 ~ 1e-2, ||g2||^2 ~ 6e4 (sign vector of the dense kernels).
    double g11 = 0.01;
    double g22 = 58920;
    double g12 = 0.004;
    double[] c = solver.solve(new double[][] {{g11, g12}, {g12, g22}}).weights();
    double expected = (g11 - g12) / (g11 - 2 * g12 + g22);
    assertEquals(expected, c[1], 1e-22);
    assertEquals(1 - expected, c[0], 1e-16);
  }

  @Test
  void opposedGradientsAreParetoStationary() {
    // g2 = -g1: 0 is in the hull, d = 0.
    MinNormResult res = solver.solve(new double[][] {{4, -4}, {-4, 4}});
    assertArrayEquals(new double[] {0.5, 0.5}, res.weights(), 1e-15);
    assertEquals(0, res.normSquared(), 1e-15);
    assertTrue(res.paretoStationary());
    // Three: g1 = (1, 0), g2 = (-1, 1), g3 = (-1, -1): 0 = (2 g1 + g2 + g3) / 4.
    MinNormResult three = solver.solve(gram(new double[][] {{1, 0}, {-1, 1}, {-1, -1}}));
    assertArrayEquals(new double[] {0.5, 0.25, 0.25}, three.weights(), 1e-12);
    assertTrue(three.paretoStationary());
  }

  @Test
  void equalGradientsGiveAllWeightToTheFirst() {
    assertArrayEquals(new double[] {1, 0}, solver.solve(new double[][] {{2, 2}, {2, 2}}).weights());
    MinNormResult three = solver.solve(gram(new double[][] {{1, 2}, {1, 2}, {1, 2}}));
    assertEquals(5, three.normSquared(), 1e-12);
    assertOnSimplex(three.weights());
  }

  @Test
  void zeroGradientTakesAllWeight() {
    assertArrayEquals(new double[] {0, 1}, solver.solve(new double[][] {{3, 0}, {0, 0}}).weights());
    assertArrayEquals(new double[] {1, 0}, solver.solve(new double[][] {{0, 0}, {0, 3}}).weights());
    assertArrayEquals(new double[] {1, 0}, solver.solve(new double[][] {{0, 0}, {0, 0}}).weights());
    MinNormResult res = solver.solve(gram(new double[][] {{1, 2}, {0, 0}, {-3, 1}}));
    assertArrayEquals(new double[] {0, 1, 0}, res.weights());
    assertTrue(res.paretoStationary());
    assertEquals(0, res.normSquared());
  }

  @Test
  void singleObjectiveIsItsOwnDirection() {
    MinNormResult res = solver.solve(new double[][] {{7}});
    assertArrayEquals(new double[] {1}, res.weights());
    assertEquals(7, res.normSquared());
  }

  @Test
  void iterationCapReturnsBestIterate() {
    Random r = new Random(17);
    double[][] g = gram(vectors(r, 6, 8));
    MinNormResult capped = new MinNormSolver(1, 1e-8).solve(g);
    assertEquals(1, capped.iterations());
    assertOnSimplex(capped.weights());
    MinNormResult full = solver.solve(g);
    assertTrue(full.iterations() > 1 && full.iterations() < MinNormSolver.DEFAULT_MAX_ITERATIONS);
    assertTrue(capped.normSquared() >= full.normSquared());
  }

  @Test
  void nanOrInfinityIsANonFiniteGradient() {
    NonFiniteGradientException nan =
        assertThrows(
            NonFiniteGradientException.class,
            () -> solver.solve(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
    assertTrue(nan.getMessage().contains("G[0][1] is NaN"), nan.getMessage());
    assertThrows(
        NonFiniteGradientException.class,
        () -> solver.solve(new double[][] {{Double.POSITIVE_INFINITY, 0}, {0, 1}}));
    assertThrows(
        NonFiniteGradientException.class,
        () ->
            solver.solve(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, Double.NEGATIVE_INFINITY}}));
  }

  @Test
  void malformedMatricesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[0][0]));
    assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[][] {{1, 0}}));
    IllegalArgumentException neg =
        assertThrows(
            IllegalArgumentException.class, () -> solver.solve(new double[][] {{-1, 0}, {0, 1}}));
    assertTrue(neg.getMessage().contains("G[0][0]"), neg.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MinNormSolver(0, 1e-8));
  }
}
