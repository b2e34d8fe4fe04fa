package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * One objective's gradient over (a range of) the flat parameter array: a full array where autograd
 * produced one, plus parts that cover only some ranges (an analytic penalty's gradient on the dense
 * kernels, say). Keeping penalty-only gradients as parts avoids materialising and combining arrays
 * of the network's full size every step; with several intra-op threads each full-size operation
 * costs a thread hand-off.
 */
final class FlatGradient {
  final NDArray full;
  final List<GradientPart> parts;

  FlatGradient(NDArray full, List<GradientPart> parts) {
    this.full = full;
    this.parts = parts;
  }

  boolean isZero() {
    return full == null && parts.isEmpty();
  }

  /** The same gradient on {@code [from, to)}, with ranges relative to {@code from}. */
  FlatGradient restrict(long from, long to, long size) {
    if (from == 0 && to == size) {
      return this;
    }
    NDArray f = full == null ? null : full.get(FlatParameters.slice(from, to));
    List<GradientPart> ps = new ArrayList<>();
    for (GradientPart p : parts) {
      long a = Math.max(from, p.from());
      long b = Math.min(to, p.to());
      if (a < b) {
        NDArray v =
            a == p.from() && b == p.to()
                ? p.values()
                : p.values().get(FlatParameters.slice(a - p.from(), b - p.from()));
        ps.add(new GradientPart(a - from, b - from, v));
      }
    }
    return new FlatGradient(f, ps);
  }

  /**
   * The gradient as one array of {@code length} values: the parts added into the full array (in
   * place: the gradient belongs to the step), or placed into zeros when there is no full array.
   */
  NDArray dense(long length, NDManager manager) {
    NDArray out = full != null ? full : manager.zeros(new Shape(length), DataType.FLOAT32);
    for (GradientPart p : parts) {
      out.get(FlatParameters.slice(p.from(), p.to())).addi(p.values());
    }
    return out;
  }

  /** {@code this . other} as a scalar array, or null when it is 0 for lack of overlap. */
  NDArray dot(FlatGradient other) {
    return PartwiseDot.of(full, parts, other.full, other.parts, VECTORS);
  }

  private static final PartwiseDot.Algebra VECTORS =
      new PartwiseDot.Algebra() {
        @Override
        public NDArray slice(NDArray a, long from, long to) {
          return a.get(FlatParameters.slice(from, to));
        }

        @Override
        public NDArray dot(NDArray a, NDArray b) {
          return a.dot(b);
        }
      };

  /** Gram matrix of gradients, with one copy to the host. */
  static double[][] gram(FlatGradient[] g) {
    int k = g.length;
    double[][] out = new double[k][k];
    List<int[]> where = new ArrayList<>();
    NDList dots = new NDList();
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        NDArray d = g[i].dot(g[j]);
        if (d != null) {
          where.add(new int[] {i, j});
          dots.add(d.reshape(1));
        }
      }
    }
    if (dots.isEmpty()) {
      return out;
    }
    float[] v = (dots.size() == 1 ? dots.get(0) : NDArrays.concat(dots)).toFloatArray();
    for (int n = 0; n < v.length; n++) {
      int[] ij = where.get(n);
      out[ij[0]][ij[1]] = v[n];
      out[ij[1]][ij[0]] = v[n];
    }
    return out;
  }
}
