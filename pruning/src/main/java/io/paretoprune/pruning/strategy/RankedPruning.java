package io.paretoprune.pruning.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import io.paretoprune.pruning.PruningStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prunes an exact count: in each group of the {@link Scope} (a layer, or the whole selection) the
 * {@code k = round(s * n)} weights with the lowest scores are pruned, {@code s} the target sparsity
 * and {@code n} the group's size, so the pruned count is within half a weight of {@code s * n}.
 *
 * <p>As PyTorch's {@code L1Unstructured}: the group's scores are flattened and concatenated, {@code
 * topk(k, largest=false)} picks the indices (ties, such as many exact zeros, are split by index, so
 * the count stays exact where a value threshold would overshoot), a single flat mask gets zeros
 * there, and the mask is sliced back into the parameters' shapes. Under a prior mask the weights it
 * prunes score {@code -1}, below every real score, so they are counted first and stay pruned.
 */
public abstract class RankedPruning implements PruningStrategy {
  private final Scope scope;

  protected RankedPruning(Scope scope) {
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * Scores of one parameter's weights, {@code >= 0}, the weight's shape; lowest are pruned first.
   * The caller does not modify the returned array.
   */
  protected abstract NDArray scores(ParameterRef p);

  @Override
  public Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context) {
    NDArray[] keep = new NDArray[targets.size()];
    for (int[] group : groups(targets)) {
      keepGroup(targets, group, prior, context.targetSparsity(), keep);
    }
    return new Mask(targets.stream().map(ParameterRef::name).toList(), Arrays.asList(keep));
  }

  private void keepGroup(
      List<ParameterRef> targets, int[] group, Mask prior, double target, NDArray[] keep) {
    NDManager manager = targets.get(group[0]).array().getManager();
    NDList flat = new NDList(group.length);
    long[] ends = new long[group.length];
    long n = 0;
    for (int g = 0; g < group.length; g++) {
      int i = group[g];
      NDArray s = scores(targets.get(i));
      if (prior != null) {
        // kept: s * 1 + 1 - 1 = s; pruned: s * 0 + 0 - 1 = -1
        NDArray k = prior.keep(i);
        s = s.mul(k).addi(k).subi(1);
      }
      flat.add(s.flatten());
      n += s.size();
      ends[g] = n;
    }
    long pruned = Math.round(target * n);
    NDArray mask;
    if (pruned == 0) {
      mask = manager.ones(new Shape(n), flat.get(0).getDataType());
    } else {
      NDArray all = flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat);
      NDArray lowest = all.topK((int) pruned, 0, false, false).get(1);
      NDArray ones = manager.ones(new Shape(n), all.getDataType());
      mask = ones.scatter(lowest, manager.zeros(new Shape(pruned), all.getDataType()), 0);
    }
    long from = 0;
    for (int g = 0; g < group.length; g++) {
      int i = group[g];
      Shape shape = targets.get(i).array().getShape();
      keep[i] = mask.get(new NDIndex().addSliceDim(from, ends[g])).reshape(shape);
      from = ends[g];
    }
  }

  /** Indices of the targets per group: one per layer, or one for all. */
  private List<int[]> groups(List<ParameterRef> targets) {
    if (scope == Scope.GLOBAL) {
      int[] all = new int[targets.size()];
      Arrays.setAll(all, i -> i);
      return List.of(all);
    }
    Map<String, List<Integer>> byLayer = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      byLayer.computeIfAbsent(targets.get(i).layer(), l -> new ArrayList<>()).add(i);
    }
    return byLayer.values().stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toList();
  }
}
