package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.GramCombiner;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * CAGrad, conflict-averse gradient descent (Liu et al. 2021), as its reference code computes it:
 * with the mean gradient {@code g0 = (1/k) sum_i g_i} and {@code sqrt(phi) = c ||g0||}, find {@code
 * w} on the simplex minimising
 *
 * <pre>F(w) = g_w . g0 + sqrt(phi) ||g_w||,   g_w = sum_i w_i g_i,</pre>
 *
 * then {@code d = (g0 + (sqrt(phi) / ||g_w||) g_w) / (1 + c^2)} (the code's {@code rescale=1}).
 * Everything is in the Gram matrix: {@code g_w . g0 = w^T G b} with {@code b = (1/k, ..., 1/k)},
 * {@code ||g_w||^2 = w^T G w}, {@code ||g0||^2 = b^T G b}; the weights are {@code c_i = (1/k +
 * lambda w_i) / (1 + c^2)} with {@code lambda = sqrt(phi) / ||g_w||}. They are non-negative and sum
 * to {@code (1 + lambda) / (1 + c^2)}.
 *
 * <p>Degenerate cases: {@code ||g0|| = 0} (the gradients cancel on average, or all are zero) or
 * {@code ||g_w|| = 0} at the minimiser leave only the mean, {@code c_i = 1 / (k (1 + c^2))}; the
 * reference code's {@code 1e-8} guards give the same up to rounding.
 *
 * <p>The simplex problem is solved through a one-dimensional convex search over min-norm problems
 * (Commons Math's Brent minimiser, at most {@code maxIterations} evaluations); see {@link #solve}.
 */
public final class CaGradCombiner implements GramCombiner {
  /** The reference code's default {@code c} (its {@code alpha}, 0.5 in the paper's experiments). */
  public static final double DEFAULT_C = 0.5;

  public static final int DEFAULT_MAX_ITERATIONS = 100;

  /** Brent's tolerances on {@code log beta}: relative near the double's limit, absolute 1e-12. */
  private static final double RELATIVE_TOLERANCE = 1e-14;

  private static final double ABSOLUTE_TOLERANCE = 1e-12;
  private static final MinNormSolver SOLVER = new MinNormSolver(500, 0);

  private final double c;
  private final int maxIterations;

  public CaGradCombiner() {
    this(DEFAULT_C, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * @param c the radius of the ball around {@code g0} relative to {@code ||g0||}, finite, &gt;= 0
   * @param maxIterations cap on the outer search's evaluations (min-norm problems), at least 1
   */
  public CaGradCombiner(double c, int maxIterations) {
    if (!(c >= 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("c must be finite and >= 0, got " + c);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max iterations must be at least 1, got " + maxIterations);
    }
    this.c = c;
    this.maxIterations = maxIterations;
  }

  @Override
  public double[] weights(double[][] gram) {
    double[][] g = MinNormSolver.checked(gram);
    int k = g.length;
    double[] b = new double[k];
    java.util.Arrays.fill(b, 1.0 / k);
    double[] gb = WolfeMinNormPoint.times(g, b);
    double g0Norm = Math.sqrt(Math.max(0, WolfeMinNormPoint.dot(b, gb)));
    double sqrtPhi = c * g0Norm;
    double[] weights = b.clone();
    if (g0Norm > 0 && sqrtPhi > 0) {
      double[] w = solve(g, gb, sqrtPhi);
      double gwNorm = Math.sqrt(Math.max(0, MinNormSolver.quadratic(g, w)));
      if (gwNorm > 0) {
        double lambda = sqrtPhi / gwNorm;
        for (int i = 0; i < k; i++) {
          weights[i] += lambda * w[i];
        }
      }
    }
    double rescale = 1 + c * c;
    for (int i = 0; i < k; i++) {
      weights[i] /= rescale;
    }
    return weights;
  }

  /**
   * The minimiser of {@code F(w) = w.Gb + sqrtPhi sqrt(w^T G w)} over the simplex.
   *
   * <p>why: F is convex but not smooth where {@code g_w = 0}, and no well-kept Java library solves
   * a simplex-constrained second-order-cone problem; a first-order method stalls at the kink. So
   * the square root is written as {@code sqrt(q) = min_t (q / (2t) + t / 2)}: with {@code beta = t
   * / sqrtPhi} and {@code sum_i w_i = 1},
   *
   * <pre>min_w F = min_beta [ N(beta) / (2 beta) + beta (sqrtPhi^2 - ||g0||^2) / 2 ],</pre>
   *
   * where {@code N(beta)} is the squared minimum norm of the convex hull of the shifted gradients
   * {@code g_i + beta g0} (Gram matrix {@code G + beta (Gb 1^T + 1 Gb^T) + beta^2 ||g0||^2}), found
   * exactly by {@link MinNormSolver}. The outer function is convex in beta (a partial minimum of a
   * jointly convex function), so Brent's method on {@code log beta} over {@code [beta_max e^-40,
   * beta_max]}, {@code beta_max = max_i ||g_i|| / sqrtPhi} (the optimal {@code t = ||g_w||} is at
   * most the longest gradient), finds it; {@code maxIterations} bounds its evaluations, and a
   * search stopped there answers with the best beta it evaluated. The answer is the min-norm
   * weights at the best beta.
   */
  double[] solve(double[][] g, double[] gb, double sqrtPhi) {
    int k = g.length;
    double longest = 0;
    double g0Squared = 0; // b^T G b
    for (int i = 0; i < k; i++) {
      longest = Math.max(longest, Math.sqrt(g[i][i]));
      g0Squared += gb[i] / k;
    }
    double hi = Math.log(longest / sqrtPhi);
    double lo = hi - 40;
    double g0Sq = g0Squared; // effectively final, for the lambda
    // The best point evaluated, so that a search cut by maxIterations still answers.
    double[] best = {0.5 * (lo + hi), Double.POSITIVE_INFINITY};
    UnivariateFunction f =
        x -> {
          double v = outer(g, gb, g0Sq, sqrtPhi, Math.exp(x));
          if (v < best[1]) {
            best[0] = x;
            best[1] = v;
          }
          return v;
        };
    try {
      new BrentOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE)
          .optimize(
              new MaxEval(maxIterations),
              new UnivariateObjectiveFunction(f),
              GoalType.MINIMIZE,
              new SearchInterval(lo, hi));
    } catch (TooManyEvaluationsException e) {
      // Keep the best point so far.
    }
    return minNorm(g, gb, g0Squared, Math.exp(best[0])).weights();
  }

  private static double outer(
      double[][] g, double[] gb, double g0Squared, double sqrtPhi, double beta) {
    double n = minNorm(g, gb, g0Squared, beta).normSquared();
    return n / (2 * beta) + beta * (sqrtPhi * sqrtPhi - g0Squared) / 2;
  }

  private static MinNormResult minNorm(double[][] g, double[] gb, double g0Squared, double beta) {
    int k = g.length;
    double[][] h = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        h[i][j] = g[i][j] + beta * (gb[i] + gb[j]) + beta * beta * g0Squared;
      }
    }
    return SOLVER.solve(h);
  }

  @Override
  public String toString() {
    return "cagrad(c=" + c + ")";
  }
}
