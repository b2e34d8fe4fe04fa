package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * One objective's gradient for all R runs of a pack: row r of {@code [R, P]} arrays is run r's
 * gradient over its flat parameter array. As {@link FlatGradient}, a full array where autograd gave
 * one plus parts on column ranges (analytic penalty gradients), so a penalty on the dense kernels
 * never costs a full-size array. Every reduction here is per row: one run's NaN stays in its row.
 */
final class PackedGradient {
  final NDArray full;
  final List<GradientPart> parts = new ArrayList<>();

  PackedGradient(NDArray full) {
    this.full = full;
  }

  static NDIndex columns(long from, long to) {
    return new NDIndex().addAllDim().addSliceDim(from, to);
  }

  /** Per-run {@code this . other} as an {@code [R]} array, or null when it is 0 for every run. */
  NDArray dot(PackedGradient other) {
    return PartwiseDot.of(full, parts, other.full, other.parts, ROWS);
  }

  private static final PartwiseDot.Algebra ROWS =
      new PartwiseDot.Algebra() {
        @Override
        public NDArray slice(NDArray a, long from, long to) {
          return a.get(columns(from, to));
        }

        @Override
        public NDArray dot(NDArray a, NDArray b) {
          return rowDots(a, b);
        }
      };

  /**
   * Row-wise dot products of two {@code [R, n]} arrays as {@code [R]}: one batched product, so no
   * array of their element-wise products is written and read back.
   */
  static NDArray rowDots(NDArray a, NDArray b) {
    long r = a.getShape().get(0);
    return a.expandDims(1).matMul(b.expandDims(2)).reshape(r);
  }

  /** Every run's Gram matrix {@code [r][i][j]}, with one copy to the host. */
  static double[][][] grams(PackedGradient[] g, int runs) {
    int k = g.length;
    double[][][] out = new double[runs][k][k];
    List<int[]> where = new ArrayList<>();
    NDList dots = new NDList();
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        NDArray d = g[i].dot(g[j]);
        if (d != null) {
          where.add(new int[] {i, j});
          dots.add(d);
        }
      }
    }
    if (dots.isEmpty()) {
      return out;
    }
    float[] v = (dots.size() == 1 ? dots.get(0) : NDArrays.stack(dots)).toFloatArray();
    for (int n = 0; n < where.size(); n++) {
      int[] ij = where.get(n);
      for (int r = 0; r < runs; r++) {
        out[r][ij[0]][ij[1]] = v[n * runs + r];
        out[r][ij[1]][ij[0]] = v[n * runs + r];
      }
    }
    return out;
  }

  /** The gradient as one {@code [R, P]} array (parts added into the full array, in place). */
  NDArray dense(java.util.function.Supplier<NDArray> zeros) {
    NDArray out = full != null ? full : zeros.get();
    for (GradientPart p : parts) {
      out.get(columns(p.from(), p.to())).addi(p.values());
    }
    return out;
  }
}
