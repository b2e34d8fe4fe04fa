package io.paretoprune.core.train.engine;

/**
 * What the trainer reads off a Gram matrix {@code G[i][j] = g_i . g_j} once it is on the host (it
 * is computed, for all runs of a step at once, by {@link RunGradient#grams}): the norm of a
 * combined direction, each gradient's norm, whether it is finite.
 */
final class GramMatrix {
  private GramMatrix() {}

  /** {@code sqrt(c^T G c)}, the norm of the combined direction. */
  static double directionNorm(double[][] gram, double[] c) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        s += c[i] * gram[i][j] * c[j];
      }
    }
    return Math.sqrt(Math.max(0, s));
  }

  /** {@code ||g_i|| = sqrt(G[i][i])} for every objective. */
  static double[] norms(double[][] gram) {
    double[] n = new double[gram.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = Math.sqrt(Math.max(0, gram[i][i]));
    }
    return n;
  }

  static boolean isFinite(double[][] gram) {
    for (double[] row : gram) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }
}
