package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.GramCombiner;

/**
 * Min-norm with the penalties' gradients at unit length: the first objective's gradient (the data
 * loss) stays as it is, every other one is divided by its norm, the minimum-norm point {@code d} of
 * the convex hull of {@code (g_1, g_2 / ||g_2||, ...)} is sought, and the weights returned are
 * those of {@code d} on the raw gradients, {@code c_1 = a_1}, {@code c_i = a_i / ||g_i||}. So
 * {@code d} is still a common descent direction: the min-norm point satisfies {@code u_i . d >=
 * ||d||^2} for every scaled gradient {@code u_i}, hence {@code g_1 . d >= ||d||^2} and {@code g_i .
 * d >= ||g_i|| ||d||^2} for the penalties, all positive unless {@code d = 0}.
 *
 * <p>Why: SMGD's weight law for two near-orthogonal gradients is {@code c_2 / c_1 = ||g_1||^2 /
 * ||g_2||^2}, and for f2 = L1 of n nonzero weights {@code ||g_2||^2 = n}, so the pull grows as
 * pruning works (BENCHMARKS.md, "weight law"). With the L1 gradient at unit length the law is
 * {@code ||g_1||^2 / ||g_2|| = ||g_1||^2 / sqrt(n)}: the L1 objective divided by {@code sqrt(n)},
 * whose gradient norm no longer grows with the nonzeros, so the feedback is the square root of
 * SMGD's.
 *
 * <p>Closest published method: MGDA-UB's gradient normalisation (Sener and Koltun 2018, "l2"), here
 * applied to the penalties only and to the direction taken (their code applies the weights found
 * for the normalised gradients to the raw ones, which the {@code min-norm} rule's {@code normalize:
 * l2} reproduces). A penalty whose gradient is zero keeps scale 1 (it adds nothing).
 */
public final class UnitPenaltyMinNormCombiner implements GramCombiner {
  private final MinNormSolver solver = new MinNormSolver();

  @Override
  public double[] weights(double[][] gram) {
    double[][] g = MinNormSolver.checked(gram);
    int k = g.length;
    double[] s = new double[k];
    for (int i = 0; i < k; i++) {
      double n = Math.sqrt(Math.max(0, g[i][i]));
      s[i] = i == 0 || n == 0 ? 1 : n;
    }
    double[][] scaled = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        scaled[i][j] = g[i][j] / (s[i] * s[j]);
      }
    }
    double[] a = solver.solve(scaled).weights();
    for (int i = 0; i < k; i++) {
      a[i] /= s[i];
    }
    return a;
  }

  @Override
  public String toString() {
    return "min-norm-unit";
  }
}
