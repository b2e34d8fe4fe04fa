package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;

/**
 * PCGrad, "gradient surgery" (Yu et al. 2020): every gradient {@code g_i} in turn has its component
 * along each other objective's ORIGINAL gradient {@code g_j} removed when the two conflict, the
 * others visited in a random order: {@code if g_i'.g_j < 0: g_i' -= (g_i'.g_j / ||g_j||^2) g_j};
 * the direction is the sum of the projected gradients, {@code d = sum_i g_i'}.
 *
 * <p>Every {@code g_i'} is a linear combination of the original gradients, so the rule tracks its
 * coefficient vector {@code a_i} ({@code g_i' = sum_j a_ij g_j}) and needs only the Gram matrix:
 * {@code g_i'.g_j = sum_l a_il G_lj}. The weights are {@code c = sum_i a_i}; they are not on the
 * simplex: with no conflict {@code c = (1, ..., 1)}, and every {@code c_j >= 1}, as {@code g_j'}
 * keeps coefficient 1 on {@code g_j} and a projection only adds the positive multiple {@code
 * -g_i'.g_j / ||g_j||^2} of an original gradient.
 *
 * <p>The order of the other objectives is drawn afresh for every {@code g_i} at every step from a
 * counter-based generator keyed by {@code (seed, step, i)}: the orders depend only on the seed and
 * the step number, so a run resumed from a checkpoint picks the same orders without any saved
 * state. For k = 2 there is one other objective and the order does not matter. A zero gradient
 * {@code g_j} is never projected on (nothing conflicts with it). The reference code also visits
 * {@code g_i} itself, which only acts if {@code g_i'.g_i < 0} after earlier projections; this
 * implementation visits only the other objectives, as the paper's algorithm states.
 */
public final class PcGradCombiner implements GradientCombiner {
  /** The seed used when the suite gives none. */
  public static final long DEFAULT_SEED = 0x5EED_1CC6_AD00L;

  private final long seed;

  public PcGradCombiner() {
    this(DEFAULT_SEED);
  }

  public PcGradCombiner(long seed) {
    this.seed = seed;
  }

  @Override
  public double[] weights(CombinerInput input) {
    double[][] g = MinNormSolver.checked(input.gram());
    int k = g.length;
    double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      // why: g_i' is carried as coefficients a over the original gradients; inner products with
      // g_j come from the Gram matrix, so no vector of the network's size is touched.
      double[] a = new double[k];
      a[i] = 1;
      for (int j : order(k, i, input.step())) {
        double gjj = g[j][j];
        if (!(gjj > 0)) {
          continue;
        }
        double inner = 0;
        for (int l = 0; l < k; l++) {
          inner += a[l] * g[l][j];
        }
        if (inner < 0) {
          a[j] -= inner / gjj;
        }
      }
      for (int l = 0; l < k; l++) {
        c[l] += a[l];
      }
    }
    return c;
  }

  /** The other objectives than {@code i} in the order visited at {@code step}. */
  int[] order(int k, int i, long step) {
    int[] others = new int[k - 1];
    for (int j = 0, n = 0; j < k; j++) {
      if (j != i) {
        others[n++] = j;
      }
    }
    // Fisher-Yates with SplitMix64 keyed by (seed, step, i): a pure function of its key.
    long state = mix(mix(seed ^ 0x9E3779B97F4A7C15L * (step + 1)) + i);
    for (int n = others.length - 1; n > 0; n--) {
      state = mix(state + 0x9E3779B97F4A7C15L);
      int r = (int) Math.floorMod(state, (long) (n + 1));
      int t = others[n];
      others[n] = others[r];
      others[r] = t;
    }
    return others;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "pcgrad";
  }
}
