package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.engine.NonFiniteGradientException;

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
 * <p>k &gt; 2 is {@link WolfeMinNormPoint}; why Wolfe's method and not Frank-Wolfe is said there.
 */
public final class MinNormSolver {
  public static final int DEFAULT_MAX_ITERATIONS = 500;

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
    WolfeMinNormPoint.Iterate it = WolfeMinNormPoint.solve(g, maxIterations);
    return result(g, it.weights(), it.iterations());
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

  /** Validated and symmetrised copy of a Gram matrix (shared by every rule in this package). */
  static double[][] checked(double[][] gram) {
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

  private static double[] unit(int k, int i) {
    double[] e = new double[k];
    e[i] = 1;
    return e;
  }

  static double quadratic(double[][] g, double[] c) {
    return WolfeMinNormPoint.dot(c, WolfeMinNormPoint.times(g, c));
  }
}
