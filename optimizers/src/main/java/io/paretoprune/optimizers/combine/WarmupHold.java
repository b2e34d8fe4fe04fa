package io.paretoprune.optimizers.combine;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The bookkeeping of a rule that answers each warm-up step from that step's per-objective figures
 * (gradient norms, objective values) and then holds, for good, the answer for the warm-up's means:
 * {@code initial-norm} and {@code initial-loss}. The running sums and the held weights are the
 * checkpoint state, {@code [seen, sums..., held...]} (held NaN until the warm-up ends).
 */
final class WarmupHold {
  private final int warmup;
  private final UnaryOperator<double[]> rule;
  private double[] sums;
  private int seen;
  private double[] held;

  /**
   * @param rule the weights for one vector of figures
   */
  WarmupHold(int warmup, UnaryOperator<double[]> rule) {
    if (warmup < 1) {
      throw new IllegalArgumentException("warmup must be at least 1 step, not " + warmup);
    }
    this.warmup = warmup;
    this.rule = rule;
  }

  /** The held weights, or null during the warm-up. */
  double[] held() {
    return held == null ? null : held.clone();
  }

  /** A warm-up step's weights from its figures; the warm-up's last step also fixes the held. */
  double[] step(double[] figures) {
    if (sums == null) {
      sums = new double[figures.length];
    }
    for (int i = 0; i < figures.length; i++) {
      sums[i] += figures[i];
    }
    seen++;
    if (seen >= warmup) {
      double[] means = sums.clone();
      for (int i = 0; i < means.length; i++) {
        means[i] /= seen;
      }
      held = rule.apply(means);
    }
    return rule.apply(figures);
  }

  /** {@code [seen, sums..., held...]}; null before the first step. */
  double[] saveState() {
    if (sums == null) {
      return null;
    }
    int k = sums.length;
    double[] s = new double[1 + 2 * k];
    s[0] = seen;
    System.arraycopy(sums, 0, s, 1, k);
    Arrays.fill(s, 1 + k, s.length, Double.NaN);
    if (held != null) {
      System.arraycopy(held, 0, s, 1 + k, k);
    }
    return s;
  }

  void restoreState(double[] state) {
    if (state == null) {
      sums = null;
      seen = 0;
      held = null;
      return;
    }
    int k = (state.length - 1) / 2;
    seen = (int) state[0];
    sums = Arrays.copyOfRange(state, 1, 1 + k);
    double[] h = Arrays.copyOfRange(state, 1 + k, 1 + 2 * k);
    held = Double.isNaN(h[0]) ? null : h;
  }
}
