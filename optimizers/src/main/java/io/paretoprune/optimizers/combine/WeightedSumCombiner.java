package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.GramCombiner;
import java.util.Arrays;

/**
 * Scalarization: the same fixed weights at every step, {@code d = sum_i c_i g_i}. The Gram matrix
 * is never needed, so the trainer skips computing it.
 */
public final class WeightedSumCombiner implements GramCombiner {
  private final double[] weights;

  /**
   * @param weights one per objective, finite and non-negative, at least one positive
   * @param normalize divide by their sum so they lie on the simplex
   * @throws IllegalArgumentException naming the offending entry
   */
  public WeightedSumCombiner(double[] weights, boolean normalize) {
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("a weighted sum needs at least one weight");
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i]) || weights[i] < 0) {
        throw new IllegalArgumentException(
            "weight " + i + " must be finite and >= 0, got " + weights[i]);
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException(
          "at least one weight must be positive, got " + Arrays.toString(weights));
    }
    this.weights = weights.clone();
    if (normalize) {
      for (int i = 0; i < this.weights.length; i++) {
        this.weights[i] /= sum;
      }
    }
  }

  /** Weights used as given. */
  public WeightedSumCombiner(double... weights) {
    this(weights, false);
  }

  @Override
  public double[] weights(double[][] gram) {
    return weights.clone();
  }

  @Override
  public boolean needsGram() {
    return false;
  }

  @Override
  public boolean fixedWeights() {
    return true;
  }

  @Override
  public int arity() {
    return weights.length;
  }

  @Override
  public String toString() {
    return "weighted" + Arrays.toString(weights);
  }
}
