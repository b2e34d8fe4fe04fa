package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.GramCombiner;

/**
 * The stochastic multi-gradient rule (Liu and Vicente's SMGD): the weights of the minimum-norm
 * element {@code d} of the convex hull of the objective gradients, so that {@code g_i . d >=
 * ||d||^2} for every objective i (a common descent direction). Works for any number of objectives;
 * see {@link MinNormSolver}.
 */
public final class MinNormCombiner implements GramCombiner {
  private final MinNormSolver solver;

  public MinNormCombiner() {
    this(new MinNormSolver());
  }

  public MinNormCombiner(MinNormSolver solver) {
    this.solver = solver;
  }

  /** The full answer (weights, {@code ||d||^2}, iterations, stationarity). */
  public MinNormResult solve(double[][] gram) {
    return solver.solve(gram);
  }

  @Override
  public double[] weights(double[][] gram) {
    return solver.solve(gram).weights();
  }

  @Override
  public String toString() {
    return "min-norm";
  }
}
