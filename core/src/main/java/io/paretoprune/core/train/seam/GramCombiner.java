package io.paretoprune.core.train.seam;

/** A rule that reads only the Gram matrix {@code G[i][j] = g_i . g_j} (min-norm, PCGrad, ...). */
public interface GramCombiner extends GradientCombiner {
  /**
   * @param gram the k x k Gram matrix, symmetric
   */
  double[] weights(double[][] gram);

  @Override
  default double[] weights(CombinerInput input) {
    return weights(input.gram());
  }
}
