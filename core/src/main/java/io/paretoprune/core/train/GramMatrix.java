package io.paretoprune.core.train;

/**
 * The Gram matrix {@code G[i][j] = g_i . g_j} of flat objective gradients in a handful of native
 * calls: the rows are stacked into a k x n matrix M and {@code M M^T} comes back to the host in one
 * copy. An absent gradient (null) is the zero vector.
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
