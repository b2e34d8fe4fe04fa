package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;
import java.util.Arrays;

/**
 * {@code initial-norm}'s balancing weights re-estimated over windows of whole epochs: in the first
 * window the weights {@code c_i ∝ 1 / ||g_i||} of the first step are held (as {@code
 * initial-norm}); at the first step of every later window they become {@code c_i ∝ 1 / m_i}, with
 * {@code m_i} the mean of {@code ||g_i||} over every step of the window before, and are held for
 * that window. A window is {@code every} epochs (default 1).
 *
 * <p>Why: {@code initial-norm} fixes the weighting from a single batch, so one batch's noise and
 * the untrained network's gradient decide the whole run (on Fashion-MNIST its c2 of 0.0014-0.0033
 * by seed lay above the knee's 0.0009). Averaging over a window of batches takes out the noise, and
 * re-estimating lets the weighting follow the trained network; holding it for a whole window keeps
 * the per-step feedback of the balancing rules ({@code c_2 / c_1 = ||g_1|| / sqrt(nonzeros)},
 * re-read at every step, which empties LeNet within an epoch) to one update per window.
 *
 * <p>Closest published method: IMTL-G (Liu et al. 2021) and Nash-MTL (Navon et al. 2022) for
 * orthogonal gradients, with their weights computed from norms averaged over the previous epoch, as
 * Dynamic Weight Averaging (Liu et al. 2019) computes its weights from the previous epochs' losses.
 * Zero mean norms are handled as in {@link InitialNormCombiner#inverseNormWeights}.
 */
public final class EpochNormCombiner implements GradientCombiner {
  public static final int DEFAULT_EVERY = 1;

  private final int every;
  private double[] held;
  private double[] sums;
  private long seen;
  private int window = -1;

  public EpochNormCombiner(int every) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1 epoch, not " + every);
    }
    this.every = every;
  }

  @Override
  public double[] weights(CombinerInput input) {
    double[][] gram = MinNormSolver.checked(input.gram());
    int k = gram.length;
    double[] norms = new double[k];
    for (int i = 0; i < k; i++) {
      norms[i] = Math.sqrt(Math.max(0, gram[i][i]));
    }
    int w = (Math.max(1, input.epoch()) - 1) / every;
    if (held == null) {
      held = InitialNormCombiner.inverseNormWeights(norms); // the first step, as initial-norm
      sums = new double[k];
      window = w;
    } else if (w != window) {
      if (seen > 0) {
        double[] means = sums.clone();
        for (int i = 0; i < k; i++) {
          means[i] /= seen;
        }
        held = InitialNormCombiner.inverseNormWeights(means);
      }
      sums = new double[k];
      seen = 0;
      window = w;
    }
    for (int i = 0; i < k; i++) {
      sums[i] += norms[i];
    }
    seen++;
    return held.clone();
  }

  /** {@code [window, seen, held..., sums...]}; null before the first step. */
  @Override
  public double[] saveState() {
    if (held == null) {
      return null;
    }
    int k = held.length;
    double[] s = new double[2 + 2 * k];
    s[0] = window;
    s[1] = seen;
    System.arraycopy(held, 0, s, 2, k);
    System.arraycopy(sums, 0, s, 2 + k, k);
    return s;
  }

  @Override
  public void restoreState(double[] state) {
    if (state == null) {
      held = null;
      sums = null;
      seen = 0;
      window = -1;
      return;
    }
    int k = (state.length - 2) / 2;
    window = (int) state[0];
    seen = (long) state[1];
    held = Arrays.copyOfRange(state, 2, 2 + k);
    sums = Arrays.copyOfRange(state, 2 + k, 2 + 2 * k);
  }

  @Override
  public String toString() {
    return "epoch-norm(every=" + every + ")";
  }
}
