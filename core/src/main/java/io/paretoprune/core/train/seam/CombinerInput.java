package io.paretoprune.core.train.seam;

/**
 * What a {@link GradientCombiner} sees at one step of one parameter group.
 *
 * @param gram {@code G[i][j] = g_i . g_j} over the group's parameters, the group's objectives in
 *     order; null unless the rule {@link GradientCombiner#needsGram() needs it}
 * @param losses each of the group's objectives on the batch (data loss on the batch plus penalties
 *     at the current weights); null unless the rule {@link GradientCombiner#needsLosses() needs
 *     them}
 * @param step the step being taken, 1-based over the run
 * @param epoch the current epoch, 1-based
 */
public record CombinerInput(double[][] gram, double[] losses, long step, int epoch) {
  /** Only a Gram matrix (tests, tools). */
  public static CombinerInput ofGram(double[][] gram) {
    return new CombinerInput(gram, null, 0, 0);
  }
}
