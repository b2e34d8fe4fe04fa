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
  record Part(long from, long to, NDArray values) {}

  final NDArray full;
  final List<Part> parts = new ArrayList<>();

  PackedGradient(NDArray full) {
    this.full = full;
  }

  static NDIndex columns(long from, long to) {
    return new NDIndex().addAllDim().addSliceDim(from, to);
  }

  /** Per-run {@code this . other} as an {@code [R]} array, or null when it is 0 for every run. */
  NDArray dot(PackedGradient other) {
    List<NDArray> terms = new ArrayList<>();
    if (full != null && other.full != null) {
      terms.add(rowDots(full, other.full));
    }
    if (full != null) {
      for (Part q : other.parts) {
        terms.add(rowDots(full.get(columns(q.from(), q.to())), q.values()));
      }
    }
    if (other.full != null) {
      for (Part p : parts) {
        terms.add(rowDots(other.full.get(columns(p.from(), p.to())), p.values()));
      }
    }
    for (Part p : parts) {
      for (Part q : other.parts) {
        long a = Math.max(p.from(), q.from());
        long b = Math.min(p.to(), q.to());
        if (a < b) {
          terms.add(
              p.values()
                  .get(columns(a - p.from(), b - p.from()))
                  .mul(q.values().get(columns(a - q.from(), b - q.from())))
                  .sum(new int[] {1}));
        }
      }
    }
    if (terms.isEmpty()) {
      return null;
    }
    return terms.size() == 1 ? terms.get(0) : NDArrays.add(terms.toArray(new NDArray[0]));
  }

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
    for (Part p : parts) {
      out.get(columns(p.from(), p.to())).addi(p.values());
    }
    return out;
  }
}
