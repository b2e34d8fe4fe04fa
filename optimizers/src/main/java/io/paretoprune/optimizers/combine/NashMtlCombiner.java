package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Nash-MTL (Navon et al. 2022): the Nash bargaining weights {@code alpha > 0} with {@code G alpha =
 * 1 / alpha} element-wise, i.e. {@code alpha_i (G alpha)_i = 1} for every objective; {@code d =
 * sum_i alpha_i g_i}. For orthogonal gradients {@code alpha_i = 1 / ||g_i||}: every objective's
 * unit gradient gets weight one. The weights are not normalised (the paper's code neither).
 *
 * <p>The paper solves the condition by a sequence of convex approximations with cvxpy. Here: the
 * condition is the stationarity condition {@code G alpha - 1/alpha = 0} of the strictly convex
 * potential {@code f(alpha) = alpha^T G alpha / 2 - sum_i log alpha_i} on {@code alpha > 0}, so
 * Newton's method on f (Hessian {@code G + diag(1/alpha^2)}, positive definite) with a backtracking
 * line search that keeps {@code alpha > 0} and decreases f converges to it from the start {@code
 * alpha_i = 1 / ||g_i||}; at most {@code maxIterations} Newton steps (the paper's code caps its
 * approximations at 20), stopping early when {@code max_i |alpha_i (G alpha)_i - 1| < 1e-10}. To be
 * free of the gradients' scale the problem is solved for {@code G / s} with {@code s = max_i G_ii}
 * and the answer divided by {@code sqrt(s)} (the solution for {@code G / s} is {@code sqrt(s)}
 * times that for G).
 *
 * <p>Defined answers where no bargaining solution exists:
 *
 * <ul>
 *   <li>a zero gradient ({@code G_ii = 0}) can never satisfy its condition: it gets weight 0 and
 *       the others are solved among themselves; all zero gives all weights 0;
 *   <li>gradients whose convex hull holds the origin (the batch is Pareto-stationary, e.g. {@code
 *       g_2 = -g_1}: f is unbounded below): all weights 0, no step; detected with the min-norm
 *       solver on {@code G / s} with tolerance {@value #STATIONARY}.
 * </ul>
 *
 * <p>The reference code (AvivNavon/nash-mtl, {@code NashMTL.backward}) then clips the combined
 * gradient to norm {@code max_norm} (default 1.0) with {@code clip_grad_norm_}; here the same
 * happens through the weights: with {@code maxNorm > 0} and {@code ||d|| = sqrt(alpha^T G alpha) >
 * maxNorm}, alpha is multiplied by {@code maxNorm / ||d||}. The recorded weights are the clipped
 * ones.
 *
 * <p>With {@code updateEvery > 1} the weights are recomputed at steps 1, 1 + n, 1 + 2n, ... and
 * kept in between (the paper's {@code update_weights_every}). As in the reference code, which holds
 * its unclipped {@code prvs_alpha} and clips every step's gradient, the weights kept are the
 * unclipped ones, and every step clips them against its own gradients; the kept weights are the
 * rule's checkpoint state.
 */
public final class NashMtlCombiner implements GradientCombiner {
  public static final int DEFAULT_MAX_ITERATIONS = 20;

  /** The reference code's default {@code max_norm}. */
  public static final double DEFAULT_MAX_NORM = 1.0;

  /** {@code ||d||} of the min-norm point of the scaled gradients below which none is taken. */
  static final double STATIONARY = 1e-9;

  private static final double TOLERANCE = 1e-10;

  private final int maxIterations;
  private final int updateEvery;
  private final double maxNorm;
  private double[] kept;

  public NashMtlCombiner() {
    this(DEFAULT_MAX_ITERATIONS, 1, DEFAULT_MAX_NORM);
  }

  /**
   * @param maxIterations cap on Newton steps, at least 1
   * @param updateEvery recompute the weights every this many steps, at least 1
   * @param maxNorm clip {@code ||d||} to this, finite and &gt;= 0; 0 for no clipping
   */
  public NashMtlCombiner(int maxIterations, int updateEvery, double maxNorm) {
    if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
      throw new IllegalArgumentException("max norm must be finite and >= 0, got " + maxNorm);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max iterations must be at least 1, got " + maxIterations);
    }
    if (updateEvery < 1) {
      throw new IllegalArgumentException("update every must be at least 1, got " + updateEvery);
    }
    this.maxIterations = maxIterations;
    this.updateEvery = updateEvery;
    this.maxNorm = maxNorm;
  }

  @Override
  public double[] weights(CombinerInput input) {
    double[][] g = MinNormSolver.checked(input.gram());
    long step = Math.max(1, input.step());
    if (kept == null || kept.length != g.length || (step - 1) % updateEvery == 0) {
      kept = solve(g);
    }
    return clipped(g, kept.clone());
  }

  private double[] clipped(double[][] g, double[] alpha) {
    double norm = Math.sqrt(Math.max(0, MinNormSolver.quadratic(g, alpha)));
    if (maxNorm > 0 && norm > maxNorm) {
      double f = maxNorm / norm;
      for (int i = 0; i < alpha.length; i++) {
        alpha[i] *= f;
      }
    }
    return alpha;
  }

  /** The bargaining weights for one (checked) Gram matrix, before clipping. */
  double[] solve(double[][] g) {
    int k = g.length;
    int[] live = java.util.stream.IntStream.range(0, k).filter(i -> g[i][i] > 0).toArray();
    double[] alpha = new double[k];
    if (live.length == 0) {
      return alpha;
    }
    int m = live.length;
    double s = 0;
    for (int i : live) {
      s = Math.max(s, g[i][i]);
    }
    double[][] q = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        q[a][b] = g[live[a]][live[b]] / s;
      }
    }
    if (m > 1 && new MinNormSolver(500, STATIONARY).solve(q).paretoStationary()) {
      return alpha;
    }
    double[] x = newton(q);
    double root = Math.sqrt(s);
    for (int a = 0; a < m; a++) {
      alpha[live[a]] = x[a] / root;
    }
    return alpha;
  }

  /**
   * why: Newton on the convex potential rather than a generic root finder: the potential gives a
   * descent test that keeps every iterate positive and finite, and its Hessian is always positive
   * definite, so each step is one Cholesky solve of a k x k system.
   */
  private double[] newton(double[][] q) {
    int m = q.length;
    double[] x = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = 1 / Math.sqrt(q[i][i]);
    }
    for (int it = 0; it < maxIterations; it++) {
      double[] qx = WolfeMinNormPoint.times(q, x);
      double residual = 0;
      double[] grad = new double[m];
      for (int i = 0; i < m; i++) {
        residual = Math.max(residual, Math.abs(x[i] * qx[i] - 1));
        grad[i] = qx[i] - 1 / x[i];
      }
      if (residual < TOLERANCE) {
        break;
      }
      double[][] h = new double[m][m];
      for (int i = 0; i < m; i++) {
        h[i] = q[i].clone();
        h[i][i] += 1 / (x[i] * x[i]);
      }
      RealVector step;
      try {
        step =
            new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-14, 0)
                .getSolver()
                .solve(new ArrayRealVector(grad, false));
      } catch (RuntimeException e) {
        break; // numerically not positive definite: keep the last iterate
      }
      double f0 = potential(q, x);
      double t = 1;
      double[] next = null;
      for (int back = 0; back < 60; back++, t *= 0.5) {
        double[] y = new double[m];
        boolean positive = true;
        for (int i = 0; i < m; i++) {
          y[i] = x[i] - t * step.getEntry(i);
          positive &= y[i] > 0 && Double.isFinite(y[i]);
        }
        if (positive && potential(q, y) <= f0) {
          next = y;
          break;
        }
      }
      if (next == null) {
        break;
      }
      x = next;
    }
    return x;
  }

  private static double potential(double[][] q, double[] x) {
    double f = 0.5 * MinNormSolver.quadratic(q, x);
    for (double v : x) {
      f -= Math.log(v);
    }
    return f;
  }

  @Override
  public double[] saveState() {
    return updateEvery == 1 || kept == null ? null : kept.clone();
  }

  @Override
  public void restoreState(double[] state) {
    kept = state == null ? null : state.clone();
  }

  @Override
  public String toString() {
    return "nashmtl(max_iterations="
        + maxIterations
        + (updateEvery > 1 ? ", update_weights_every=" + updateEvery : "")
        + ", max_norm="
        + maxNorm
        + ")";
  }
}
