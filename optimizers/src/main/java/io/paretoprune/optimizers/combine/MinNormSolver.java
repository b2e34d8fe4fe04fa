package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.MultiObjectiveTrainer;
import io.paretoprune.core.train.NonFiniteGradientException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The minimum-norm element of the convex hull of k gradients, from their Gram matrix {@code G =
 * [g_i . g_j]}: weights c on the simplex minimising {@code c^T G c = ||sum_i c_i g_i||^2}.
 *
 * <ul>
 *   <li>k = 1: {@code c = (1)}.
 *   <li>A zero gradient ({@code G_ii = 0}): all weight on it; the zero vector is the min-norm point
 *       and the batch is Pareto-stationary.
 *   <li>k = 2: the closed form of Liu and Vicente's SMGD, {@code c1 = clip((G22 - G12) / (G11 - 2
 *       G12 + G22), 0, 1)}, {@code c2 = 1 - c1}; equal gradients (a zero denominator) give {@code
 *       (1, 0)}.
 *   <li>k &gt; 2: Wolfe's minimum-norm-point algorithm (Wolfe 1976, "Finding the nearest point in a
 *       polytope") run on G alone.
 * </ul>
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
 */
public final class MinNormSolver {
  public static final int DEFAULT_MAX_ITERATIONS = 500;

  /** Stop when {@code ||x||^2 - min_j x . g_j} is below this (Wolfe's Z1), scaled units. */
  private static final double OPTIMALITY_GAP = 1e-14;

  /** Affine weights up to this are not counted as positive (Wolfe's Z2). */
  private static final double POSITIVE = 1e-12;

  /** Pivots below this make a corral's bordered system singular. */
  private static final double SINGULAR = 1e-14;

  private final int maxIterations;
  private final double stationaryTolerance;

  /** The default cap and the trainer's stationarity tolerance on {@code ||d||}. */
  public MinNormSolver() {
    this(DEFAULT_MAX_ITERATIONS, MultiObjectiveTrainer.STATIONARY_TOLERANCE);
  }

  /**
   * @param maxIterations cap on major iterations for k &gt; 2, at least 1
   * @param stationaryTolerance {@code ||d||} below this counts as Pareto-stationary
   */
  public MinNormSolver(int maxIterations, double stationaryTolerance) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max iterations must be at least 1, got " + maxIterations);
    }
    if (!(stationaryTolerance >= 0) || Double.isInfinite(stationaryTolerance)) {
      throw new IllegalArgumentException(
          "stationary tolerance must be finite and >= 0, got " + stationaryTolerance);
    }
    this.maxIterations = maxIterations;
    this.stationaryTolerance = stationaryTolerance;
  }

  /**
   * Solves the problem for one Gram matrix.
   *
   * @param gram k x k, symmetric up to rounding (it is symmetrised)
   * @throws NonFiniteGradientException when an entry is NaN or infinite
   * @throws IllegalArgumentException when the matrix is empty, not square or has a negative
   *     diagonal entry (then it is no Gram matrix)
   */
  public MinNormResult solve(double[][] gram) {
    double[][] g = checked(gram);
    int k = g.length;
    if (k == 1) {
      return result(g, new double[] {1}, 0);
    }
    for (int i = 0; i < k; i++) {
      if (g[i][i] == 0) {
        return result(g, unit(k, i), 0);
      }
    }
    if (k == 2) {
      return result(g, twoObjectives(g), 0);
    }
    return wolfe(g);
  }

  /** SMGD's closed form; {@code c2} is computed directly so a tiny weight keeps its digits. */
  static double[] twoObjectives(double[][] g) {
    double denominator = g[0][0] - 2 * g[0][1] + g[1][1];
    if (!(denominator > 0)) {
      return new double[] {1, 0};
    }
    double c2 = (g[0][0] - g[0][1]) / denominator;
    if (c2 <= 0) {
      return new double[] {1, 0};
    }
    if (c2 >= 1) {
      return new double[] {0, 1};
    }
    return new double[] {1 - c2, c2};
  }

  private MinNormResult wolfe(double[][] g) {
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
    double[] lambda = unit(k, first);
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
      double v = quadratic(q, lambda);
      if (v < bestValue) {
        bestValue = v;
        best = lambda.clone();
      }
    }
    return result(g, best, iterations);
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

  private MinNormResult result(double[][] g, double[] c, int iterations) {
    double[] weights = c.clone();
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.max(0, weights[i]);
      sum += weights[i];
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= sum;
    }
    double normSquared = Math.max(0, quadratic(g, weights));
    return new MinNormResult(
        weights, normSquared, iterations, Math.sqrt(normSquared) < stationaryTolerance);
  }

  private static double[][] checked(double[][] gram) {
    if (gram == null || gram.length == 0) {
      throw new IllegalArgumentException("the Gram matrix is empty");
    }
    int k = gram.length;
    for (int i = 0; i < k; i++) {
      if (gram[i] == null || gram[i].length != k) {
        throw new IllegalArgumentException("the Gram matrix is not " + k + " x " + k);
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(gram[i][j])) {
          throw new NonFiniteGradientException(
              "Gram matrix entry G["
                  + i
                  + "]["
                  + j
                  + "] is "
                  + gram[i][j]
                  + ": an objective gradient holds NaN or Inf");
        }
      }
      if (gram[i][i] < 0) {
        throw new IllegalArgumentException(
            "not a Gram matrix: diagonal entry G[" + i + "][" + i + "] = " + gram[i][i] + " < 0");
      }
    }
    double[][] g = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        g[i][j] = 0.5 * (gram[i][j] + gram[j][i]);
      }
    }
    return g;
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

  private static double[] unit(int k, int i) {
    double[] e = new double[k];
    e[i] = 1;
    return e;
  }

  private static double[] times(double[][] q, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = dot(q[i], x);
    }
    return y;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double quadratic(double[][] g, double[] c) {
    return dot(c, times(g, c));
  }
}
