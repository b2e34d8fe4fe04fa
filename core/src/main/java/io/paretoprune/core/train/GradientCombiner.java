package io.paretoprune.core.train;

/**
 * The multi-objective rule: turns the Gram matrix {@code G[i][j] = g_i . g_j} of the k objective
 * gradients into weights {@code c}, so the direction is {@code d = sum_i c_i g_i}.
 *
 * <p>Implementations must not keep per-step state they do not need; they may be called from one
 * thread only.
 */
public interface GradientCombiner {

  /**
   * Chooses the weights.
   *
   * @param gram the k x k Gram matrix, symmetric; {@code null} when {@link #needsGram()} is false
   * @return k non-negative weights
   * @throws NonFiniteGradientException when the gradients hold NaN or Inf
   */
  double[] weights(double[][] gram);

  /** False for fixed weightings: the trainer then skips computing the Gram matrix. */
  default boolean needsGram() {
    return true;
  }

  /** The number of objectives this rule expects, or -1 for any. */
  default int arity() {
    return -1;
  }
}
