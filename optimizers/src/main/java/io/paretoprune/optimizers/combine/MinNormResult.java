package io.paretoprune.optimizers.combine;

/**
 * The minimum-norm element of the convex hull of k gradients, as weights on them.
 *
 * @param weights c on the simplex (non-negative, summing to 1), one per gradient
 * @param normSquared {@code ||d||^2 = c^T G c} with {@code d = sum_i c_i g_i}
 * @param iterations major iterations of the iterative solver; 0 for the closed forms (k &lt;= 2, a
 *     zero gradient)
 * @param paretoStationary {@code ||d||} is below the solver's tolerance: no common descent
 *     direction exists, the point is Pareto-stationary for the batch
 */
public record MinNormResult(
    double[] weights, double normSquared, int iterations, boolean paretoStationary) {

  public MinNormResult {
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** {@code ||d||}. */
  public double norm() {
    return Math.sqrt(Math.max(0, normSquared));
  }
}
