package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GramCombiner;
import java.util.Map;

/**
 * The stochastic multi-gradient rule (Liu and Vicente's SMGD): the weights of the minimum-norm
 * element {@code d} of the convex hull of the objective gradients, so that {@code g_i . d >=
 * ||d||^2} for every objective i (a common descent direction). Works for any number of objectives;
 * see {@link MinNormSolver}.
 *
 * <p>With a {@link GradientNormalization} other than none, the minimum-norm point is sought among
 * the scaled gradients {@code g_i / n_i} (Gram matrix {@code G_ij / (n_i n_j)}), and the weights
 * found there are returned as they are, i.e. applied to the RAW gradients. This follows Sener and
 * Koltun's MGDA code (train_multi_task.py): it divides the gradients by {@code gn[t]}, solves for
 * {@code sol}, sets {@code scale[t] = sol[t]} and back-propagates {@code sum_t scale[t] * loss_t}
 * with the unnormalised losses. The normalisers of the last step are {@link #recorded() recorded}
 * under {@code gn}, so a run's epochs.csv has their epoch means next to the weights.
 */
public final class MinNormCombiner implements GramCombiner {
  private final MinNormSolver solver;
  private final GradientNormalization normalization;
  private double[] lastNormalizers;

  public MinNormCombiner() {
    this(new MinNormSolver(), GradientNormalization.NONE);
  }

  public MinNormCombiner(MinNormSolver solver) {
    this(solver, GradientNormalization.NONE);
  }

  public MinNormCombiner(GradientNormalization normalization) {
    this(new MinNormSolver(), normalization);
  }

  public MinNormCombiner(MinNormSolver solver, GradientNormalization normalization) {
    this.solver = solver;
    this.normalization = normalization;
  }

  public GradientNormalization normalization() {
    return normalization;
  }

  /** The full answer (weights, {@code ||d||^2}, iterations, stationarity), without scaling. */
  public MinNormResult solve(double[][] gram) {
    return solver.solve(gram);
  }

  @Override
  public double[] weights(CombinerInput input) {
    if (normalization == GradientNormalization.NONE) {
      return weights(input.gram());
    }
    double[][] g = MinNormSolver.checked(input.gram());
    double[] n = normalization.normalizers(g, input.losses());
    int k = g.length;
    double[][] scaled = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        scaled[i][j] = g[i][j] / (n[i] * n[j]);
      }
    }
    lastNormalizers = n;
    return solver.solve(scaled).weights();
  }

  @Override
  public double[] weights(double[][] gram) {
    return solver.solve(gram).weights();
  }

  @Override
  public boolean needsLosses() {
    return normalization.needsLosses();
  }

  /** {@code gn}: the normalisers {@code n_i} of the last step; nothing without normalisation. */
  @Override
  public Map<String, double[]> recorded() {
    if (normalization == GradientNormalization.NONE || lastNormalizers == null) {
      return Map.of();
    }
    return Map.of("gn", lastNormalizers.clone());
  }

  @Override
  public String toString() {
    return normalization == GradientNormalization.NONE
        ? "min-norm"
        : "min-norm(normalize=" + normalization.id() + ")";
  }
}
