package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import io.paretoprune.core.train.seam.CombinerInput;
import io.paretoprune.core.train.seam.GradientCombiner;

/**
 * Every objective scaled by its value at the start, then fixed weights: over the first {@code
 * warmup} steps each objective gets {@code c_i = (1 / f_i) / sum_j (1 / f_j)} of that step's
 * values, and from then on the weights those formulas give for the warm-up's mean values, for good.
 * The run is the scalarization {@code f1 / f1(0) + f2 / f2(0)}, normalised to weights that sum to
 * 1.
 *
 * <p>Why: the gradient-based rules read the L1 objective through {@code ||sign(w)|| =
 * sqrt(nonzeros)} and the data loss through {@code ||g_1||}, which differs by data set and batch
 * ({@code initial-norm}'s held {@code c2 = ||g_1(0)|| / sqrt(n)} was 0.0011-0.0027 by seed on
 * MNIST, 0.0014-0.0033 on Fashion-MNIST, against knees near 0.001 on both; BENCHMARKS.md). The
 * values at the start do not depend on the data: an untrained classifier's cross-entropy is about
 * {@code ln(classes)} on any data set, and the L1 norm of freshly initialised dense kernels is set
 * by their shapes and initialiser. So for the same network and number of classes the weighting is
 * the same on every data set, with no feedback from pruning (the weights are held) and no search.
 * The price: the weighting is as arbitrary as the objectives' scales (a loss summed over frames, as
 * CTC is, weighs more than a mean).
 *
 * <p>Closest published method: normalising each objective by its value at a starting point before
 * weighting (Marler and Arora 2004, <i>Survey of multi-objective optimization methods for
 * engineering</i>), the loss ratios {@code L_i(t) / L_i(0)} of GradNorm (Chen et al. 2018) here
 * taken as fixed weights at t = 0.
 *
 * <p>An objective whose value is zero or negative has no scale: it gets weight 0 (and for good if
 * its mean over the warm-up is not positive); when no value is positive the weights are equal. A
 * value that is NaN or infinite is a non-finite gradient error. The warm-up's running sums and the
 * held weights are the checkpoint state. The rule does not read the Gram matrix but keeps it asked
 * for, so that its runs record the gradient and direction norms as every other rule's do.
 */
public final class InitialLossCombiner implements GradientCombiner {
  public static final int DEFAULT_WARMUP = 1;

  private final int warmup;
  private final WarmupHold hold;

  public InitialLossCombiner(int warmup) {
    this.hold = new WarmupHold(warmup, InitialLossCombiner::inverseValueWeights);
    this.warmup = warmup;
  }

  @Override
  public boolean needsLosses() {
    return true;
  }

  @Override
  public double[] weights(CombinerInput input) {
    double[] held = hold.held();
    if (held != null) {
      return held;
    }
    double[] f = input.losses();
    for (int i = 0; i < f.length; i++) {
      if (!Double.isFinite(f[i])) {
        throw new NonFiniteGradientException(
            "initial-loss: objective " + (i + 1) + " is " + f[i] + " at step " + input.step());
      }
    }
    return hold.step(f);
  }

  /**
   * {@code c_i = (1 / f_i) / sum_j (1 / f_j)} over the positive values; 0 for the others
   * (initial-norm's formula, which gives a non-positive figure no weight).
   */
  static double[] inverseValueWeights(double[] values) {
    return InitialNormCombiner.inverseNormWeights(values);
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
    return "initial-loss(warmup=" + warmup + ")";
  }
}
