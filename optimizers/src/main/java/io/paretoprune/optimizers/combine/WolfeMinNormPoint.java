package io.paretoprune.optimizers.combine;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Wolfe's minimum-norm-point algorithm (Wolfe 1976, "Finding the nearest point in a polytope") on a
 * Gram matrix alone: the weights on the simplex minimising {@code c^T G c} for k &gt; 2 objectives.
 *
 * <p>Why Wolfe and not Frank-Wolfe (MGDA's and LibMTL's choice): Frank-Wolfe converges sublinearly
 * and zig-zags when the optimum lies on a face, so its answer depends on the iteration cap. Wolfe's
 * method is an active-set method: it keeps a "corral" of affinely independent gradients, solves the
 * affine sub-problem over it exactly (a small bordered linear system), and drops gradients whose
 * weight would turn negative. It terminates after finitely many steps with the exact minimiser (up
 * to rounding), needs only inner products, and handles affinely dependent gradients (more
 * objectives than dimensions) because the corral never becomes dependent. An iteration cap is still
 * enforced, and the best iterate is returned if it is hit.
 *
 * <p>G is scaled to a largest diagonal entry of 1 before iterating (a common factor does not move
 * the minimiser), so the tolerances below are relative.
 *
 * <p>Written by hand because Commons Math has no quadratic-programming solver and the problem is a
 * few lines of linear algebra (its LU decomposition is used for the corral's systems).
 */
final class WolfeMinNormPoint {
  /** Stop when {@code ||x||^2 - min_j x . g_j} is below this (Wolfe's Z1), scaled units. */
  private static final double OPTIMALITY_GAP = 1e-14;

  /** Affine weights up to this are not counted as positive (Wolfe's Z2). */
  private static final double POSITIVE = 1e-12;

  /** Pivots below this make a corral's bordered system singular. */
  private static final double SINGULAR = 1e-14;

  private WolfeMinNormPoint() {}

  /** The weights reached and the major iterations it took. */
  record Iterate(double[] weights, int iterations) {}

  /** Runs the method on the Gram matrix {@code g} (checked, symmetric, no zero diagonal). */
  static Iterate solve(double[][] g, int maxIterations) {
    int k = g.length;
    double scale = 0;
    for (int i = 0; i < k; i++) {
      scale = Math.max(scale, g[i][i]);
    }
    double[][] q = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        q[i][j] = g[i][j] / scale;
      }
    }
    int first = 0;
    for (int i = 1; i < k; i++) {
      if (q[i][i] < q[first][first]) {
        first = i;
      }
    }
    double[] lambda = new double[k];
    lambda[first] = 1;
    boolean[] corral = new boolean[k];
    corral[first] = true;
    double[] best = lambda.clone();
    double bestValue = q[first][first];
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      double[] w = times(q, lambda);
      double value = dot(lambda, w);
      int j = 0;
      for (int i = 1; i < k; i++) {
        if (w[i] < w[j]) {
          j = i;
        }
      }
      // x . g_j >= ||x||^2 for all j is optimality; a corral member as the most violating
      // gradient means the remaining gap is rounding noise.
      if (value - w[j] <= OPTIMALITY_GAP || corral[j]) {
        break;
      }
      corral[j] = true;
      if (!minorCycle(q, lambda, corral)) {
        break;
      }
      double v = dot(lambda, times(q, lambda));
      if (v < bestValue) {
        bestValue = v;
        best = lambda.clone();
      }
    }
    return new Iterate(best, iterations);
  }

  /**
   * Moves {@code lambda} to the affine minimiser of the corral, dropping members whose weight would
   * turn negative on the way; false when a corral's system is singular (the iterate is unchanged).
   */
  private static boolean minorCycle(double[][] q, double[] lambda, boolean[] corral) {
    int k = q.length;
    for (int pass = 0; pass <= k; pass++) {
      int[] s = members(corral);
      double[] alpha = affineMinimiser(q, s);
      if (alpha == null) {
        return false;
      }
      boolean positive = true;
      for (double a : alpha) {
        positive &= a > POSITIVE;
      }
      if (positive) {
        for (int a = 0; a < s.length; a++) {
          lambda[s[a]] = alpha[a];
        }
        return true;
      }
      // Step from lambda towards alpha until the first weight hits 0.
      double theta = Double.POSITIVE_INFINITY;
      int out = -1;
      for (int a = 0; a < s.length; a++) {
        if (alpha[a] <= POSITIVE) {
          double gap = lambda[s[a]] - alpha[a];
          double t = gap > 0 ? lambda[s[a]] / gap : 0;
          if (t < theta) {
            theta = t;
            out = s[a];
          }
        }
      }
      theta = Math.min(1, Math.max(0, theta));
      double sum = 0;
      for (int a = 0; a < s.length; a++) {
        int i = s[a];
        lambda[i] = (1 - theta) * lambda[i] + theta * alpha[a];
        if (i == out || lambda[i] <= 0) {
          lambda[i] = 0;
          corral[i] = false;
        }
        sum += lambda[i];
      }
      if (!(sum > 0)) {
        return false;
      }
      for (int i : s) {
        lambda[i] /= sum;
      }
    }
    return false;
  }

  /**
   * The weights (summing to 1, possibly negative) of the point of least norm in the affine hull of
   * the corral's gradients: the solution of {@code [Q_S 1; 1^T 0] [alpha; mu] = [0; 1]}; null when
   * that system is singular.
   */
  private static double[] affineMinimiser(double[][] q, int[] s) {
    int m = s.length;
    RealMatrix a = new Array2DRowRealMatrix(m + 1, m + 1);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a.setEntry(i, j, q[s[i]][s[j]]);
      }
      a.setEntry(i, m, 1);
      a.setEntry(m, i, 1);
    }
    DecompositionSolver solver = new LUDecomposition(a, SINGULAR).getSolver();
    if (!solver.isNonSingular()) {
      return null;
    }
    ArrayRealVector rhs = new ArrayRealVector(m + 1);
    rhs.setEntry(m, 1);
    double[] x = solver.solve(rhs).toArray();
    return java.util.Arrays.copyOf(x, m);
  }

  private static int[] members(boolean[] corral) {
    int n = 0;
    for (boolean b : corral) {
      n += b ? 1 : 0;
    }
    int[] s = new int[n];
    for (int i = 0, a = 0; i < corral.length; i++) {
      if (corral[i]) {
        s[a++] = i;
      }
    }
    return s;
  }

  static double[] times(double[][] q, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = dot(q[i], x);
    }
    return y;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
