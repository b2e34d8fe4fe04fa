package io.paretoprune.pruning.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import io.paretoprune.pruning.PruningStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * N:M semi-structured pruning (2:4 in NVIDIA's sparse tensor cores): every kernel is viewed as
 * {@code [units, fan-in]} (a dense kernel is {@code [out, in]}, so a row runs along the input
 * dimension; a convolution's fan-in is {@code (in, kh, kw)} in memory order), each row is cut into
 * groups of {@code m} consecutive weights, and in every group the {@code n} of largest {@code |w|}
 * are kept. Ties are split by position (the earlier weight is kept), as in {@link RankedPruning}.
 * When the fan-in is not a multiple of {@code m}, each row ends with a shorter group of {@code r}
 * weights, which keeps {@code min(n, r)} (as if padded with zeros). Under a prior ({@code fixed})
 * mask its pruned weights rank below every kept one, so a group keeps {@code n} weights the prior
 * allows when it has them. Parameters of one axis (biases) are left as they are. The target
 * sparsity is ignored: it is {@code 1 - n / m} of the kernels by construction.
 *
 * <p>Written with engine ops rather than a top-k per group because PyTorch's {@code topk} does not
 * promise which of equal values it returns: the rank of weight {@code j} in its group is counted
 * directly as {@code #{i : s_i > s_j} + #{i < j : s_i = s_j}}, an {@code m x m} comparison per
 * group (LeNet-5's 59,134 dense weights at 2:4 compare about 240,000 pairs per event).
 */
public final class NofMPruning implements PruningStrategy {
  /** The largest group size accepted: the comparison grows with {@code m^2}. */
  public static final int MAX_M = 64;

  private final int n;
  private final int m;

  public NofMPruning(int n, int m) {
    if (m < 2 || m > MAX_M) {
      throw new IllegalArgumentException("m must be in [2, " + MAX_M + "], got " + m);
    }
    if (n < 1 || n >= m) {
      throw new IllegalArgumentException(
          "n must be in [1, m - 1] = [1, " + (m - 1) + "], got " + n);
    }
    this.n = n;
    this.m = m;
  }

  public int n() {
    return n;
  }

  public int m() {
    return m;
  }

  @Override
  public Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context) {
    List<NDArray> keep = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      NDArray w = targets.get(i).array();
      if (w.getShape().dimension() < 2) {
        keep.add(w.onesLike());
      } else {
        keep.add(keep(w, prior == null ? null : prior.keep(i)));
      }
    }
    return new Mask(targets.stream().map(ParameterRef::name).toList(), keep);
  }

  private NDArray keep(NDArray w, NDArray priorKeep) {
    Shape shape = w.getShape();
    long units = shape.get(0);
    long fan = w.size() / units;
    NDArray s = w.abs();
    if (priorKeep != null) {
      // kept: |w|; pruned by the prior: -1, below every kept weight.
      s = s.mul(priorKeep).addi(priorKeep).subi(1);
    }
    s = s.reshape(units, fan);
    long pad = (m - fan % m) % m;
    NDManager manager = w.getManager();
    if (pad > 0) {
      // Padding scores -2: below everything real, so it never takes a kept place.
      NDArray fill = manager.full(new Shape(units, pad), -2f, s.getDataType());
      s = NDArrays.concat(new NDList(s, fill), 1);
    }
    long groups = (fan + pad) / m;
    NDArray x = s.reshape(units, groups, m);
    NDArray si = x.expandDims(3); // [units, groups, m (i), 1]
    NDArray sj = x.expandDims(2); // [units, groups, 1, m (j)]
    boolean[] earlier = new boolean[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        earlier[i * m + j] = true;
      }
    }
    NDArray before = manager.create(earlier, new Shape(m, m));
    NDArray beats = si.gt(sj).logicalOr(si.eq(sj).logicalAnd(before));
    NDArray rank = beats.toType(DataType.INT32, false).sum(new int[] {2});
    NDArray kept = rank.lt(n).toType(w.getDataType(), false).reshape(units, groups * m);
    if (pad > 0) {
      kept = kept.get(new NDIndex(":, 0:{}", fan));
    }
    return kept.reshape(shape);
  }

  @Override
  public String toString() {
    return "n-of-m(" + n + ":" + m + ")";
  }
}
