package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;
import java.util.Arrays;

/**
 * Equal gradient norms at the start, then fixed weights: over the first {@code warmup} steps each
 * objective gets {@code c_i = (1 / ||g_i||) / sum_j (1 / ||g_j||)} of that step's gradients, and
 * from then on the weights those formulas give for the warm-up's mean norms {@code m_i}, for good.
 * The result is a weighted sum whose weights the gradients chose at the start, without a search.
 *
 * <p>Not a new method: {@code c_i ∝ 1 / ||g_i||} are the weights IMTL-G (Liu et al. 2021,
 * <i>Towards Impartial Multi-task Learning</i>) and Nash-MTL (Navon et al. 2022, <i>Multi-Task
 * Learning as a Bargaining Game</i>) give orthogonal gradients, here taken at the first step and
 * held. For f2 = L1 over n nonzero dense weights ({@code ||g_2|| = ||sign(w)|| = sqrt(n)}) it is
 * the scalarization {@code f1 + lambda f2} with {@code lambda = ||g_1(0)|| / sqrt(n)}.
 *
 * <p>Why hold the weights: the rules that balance the current norms (IMTL-G, Aligned-MTL, Nash-MTL)
 * give the L1 objective {@code c_2 / c_1 = ||g_1|| / ||g_2||}, and {@code ||g_2|| = sqrt(nonzero
 * weights)} shrinks as pruning works, so their pull towards sparsity grows until the network is
 * empty (BENCHMARKS.md, "weight law"). Measured once at the start, {@code ||g_2||} counts every
 * weight and the pull stays what it was.
 *
 * <p>An objective whose gradient is zero has no norm to balance: it gets weight 0 at that step, and
 * for good if its mean norm over the warm-up is zero; when every gradient is zero the weights are
 * equal. The warm-up's running sums and the held weights are the checkpoint state.
 */
public final class InitialNormCombiner implements GradientCombiner {
  public static final int DEFAULT_WARMUP = 1;

  private final int warmup;
  private final WarmupHold hold;

  public InitialNormCombiner(int warmup) {
    this.hold = new WarmupHold(warmup, InitialNormCombiner::inverseNormWeights);
    this.warmup = warmup;
  }

  @Override
  public double[] weights(CombinerInput input) {
    double[][] gram = MinNormSolver.checked(input.gram());
    double[] held = hold.held();
    if (held != null) {
      return held;
    }
    double[] norms = new double[gram.length];
    for (int i = 0; i < norms.length; i++) {
      norms[i] = Math.sqrt(Math.max(0, gram[i][i]));
    }
    return hold.step(norms);
  }

  /** {@code c_i = (1 / n_i) / sum_j (1 / n_j)} over the positive figures; 0 for the others. */
  static double[] inverseNormWeights(double[] norms) {
    double[] c = new double[norms.length];
    double total = 0;
    for (int i = 0; i < norms.length; i++) {
      c[i] = norms[i] > 0 ? 1 / norms[i] : 0;
      total += c[i];
    }
    if (total == 0) {
      Arrays.fill(c, 1.0 / norms.length);
      return c;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= total;
    }
    return c;
  }

  @Override
  public double[] saveState() {
    return hold.saveState();
  }

  @Override
  public void restoreState(double[] state) {
    hold.restoreState(state);
  }

  @Override
  public String toString() {
    return "initial-norm(warmup=" + warmup + ")";
  }
}
