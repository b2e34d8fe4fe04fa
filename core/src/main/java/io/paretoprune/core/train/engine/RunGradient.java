package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One objective's gradient for the R runs a step trains (R = 1 for a lone run): row r of {@code [R,
 * P]} arrays is run r's gradient over its flat parameter array. A full array where autograd gave
 * one, plus parts on column ranges (analytic penalty gradients), so that a penalty on the dense
 * kernels never costs a full-size array. Every reduction here is per row: one run's NaN stays in
 * its row.
 */
final class RunGradient {
  final NDArray full;
  final List<GradientPart> parts;

  RunGradient(NDArray full) {
    this(full, new ArrayList<>());
  }

  private RunGradient(NDArray full, List<GradientPart> parts) {
    this.full = full;
    this.parts = parts;
  }

  static NDIndex columns(long from, long to) {
    return new NDIndex().addAllDim().addSliceDim(from, to);
  }

  /** The same gradient on columns {@code [from, to)}, with ranges relative to {@code from}. */
  RunGradient restrict(long from, long to, long width) {
    if (from == 0 && to == width) {
      return this;
    }
    NDArray f = full == null ? null : full.get(columns(from, to));
    List<GradientPart> ps = new ArrayList<>();
    for (GradientPart p : parts) {
      long a = Math.max(from, p.from());
      long b = Math.min(to, p.to());
      if (a < b) {
        NDArray v =
            a == p.from() && b == p.to()
                ? p.values()
                : p.values().get(columns(a - p.from(), b - p.from()));
        ps.add(new GradientPart(a - from, b - from, v));
      }
    }
    return new RunGradient(f, ps);
  }

  /** Per-run {@code this . other} as an {@code [R]} array, or null when it is 0 for every run. */
  NDArray dot(RunGradient other) {
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
  static double[][][] grams(RunGradient[] g, int runs) {
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

  /** The gradient as one {@code [R, n]} array (parts added into the full array, in place). */
  NDArray dense(Supplier<NDArray> zeros) {
    NDArray out = full != null ? full : zeros.get();
    for (GradientPart p : parts) {
      out.get(columns(p.from(), p.to())).addi(p.values());
    }
    return out;
  }
}
