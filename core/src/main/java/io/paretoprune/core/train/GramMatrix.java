package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The Gram matrix of k objective gradients over a group of parameters, in a handful of native
 * calls: every objective's gradients are flattened and concatenated into one row, the rows are
 * stacked into a k x n matrix M, and {@code M M^T} comes back to the host in one copy.
 */
final class GramMatrix {
  private GramMatrix() {}

  /**
   * @param g g[j][p]: gradient of the j-th combined objective on the p-th member, null for 0
   * @param zeros zeros[p]: a flat zero array of the member's size (for null entries)
   */
  static double[][] compute(NDArray[][] g, NDArray[] zeros) {
    int k = g.length;
    NDList rows = new NDList(k);
    for (NDArray[] perParam : g) {
      NDList parts = new NDList(perParam.length);
      for (int p = 0; p < perParam.length; p++) {
        parts.add(perParam[p] == null ? zeros[p] : perParam[p].reshape(-1));
      }
      rows.add(parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts));
    }
    NDArray m = NDArrays.stack(rows);
    float[] flat = m.matMul(m.transpose()).toFloatArray();
    double[][] gram = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        gram[i][j] = flat[i * k + j];
      }
    }
    return gram;
  }

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
