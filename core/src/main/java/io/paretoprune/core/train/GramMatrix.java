package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The Gram matrix {@code G[i][j] = g_i . g_j} of flat objective gradients in a handful of native
 * calls: the rows are stacked into a k x n matrix M and {@code M M^T} comes back to the host in one
 * copy. An absent gradient (null) is the zero vector.
 */
final class GramMatrix {
  private GramMatrix() {}

  static double[][] compute(NDArray[] rows) {
    int k = rows.length;
    int[] present = new int[k];
    int n = 0;
    NDList list = new NDList(k);
    for (int i = 0; i < k; i++) {
      if (rows[i] != null) {
        present[n++] = i;
        list.add(rows[i]);
      }
    }
    double[][] gram = new double[k][k];
    if (n == 0) {
      return gram;
    }
    float[] flat;
    if (n == 1) {
      flat = new float[] {list.get(0).dot(list.get(0)).getFloat()};
    } else {
      NDArray m = NDArrays.stack(list);
      flat = m.matMul(m.transpose()).toFloatArray();
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        gram[present[a]][present[b]] = flat[a * n + b];
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
