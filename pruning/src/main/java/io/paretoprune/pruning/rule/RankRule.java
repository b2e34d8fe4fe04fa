package io.paretoprune.pruning.rule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.paretoprune.pruning.PruningRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Prunes the entries with the lowest scores until the target sparsity is reached, per array ({@code
 * layer} scope) or over all arrays at once ({@code global}). Magnitude and random pruning differ
 * only in their scores.
 */
abstract class RankRule implements PruningRule {
  private final boolean global;

  RankRule(boolean global) {
    this.global = global;
  }

  /** Scores of one array's entries; the lowest are pruned first. */
  abstract NDArray scores(NDArray weights);

  @Override
  public boolean splitInvariant() {
    return global;
  }

  @Override
  public List<NDArray> keepMasks(List<NDArray> weights, double sparsity) {
    List<NDArray> scores = weights.stream().map(this::scores).toList();
    List<NDArray> masks = new ArrayList<>();
    if (global) {
      NDList flat = new NDList();
      scores.forEach(s -> flat.add(s.reshape(-1)));
      float cut = cut(flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat), sparsity);
      scores.forEach(s -> masks.add(keep(s, cut)));
    } else {
      scores.forEach(s -> masks.add(keep(s, cut(s.reshape(-1), sparsity))));
    }
    return masks;
  }

  /** The score at or below which {@code floor(sparsity * n)} entries lie. */
  private static float cut(NDArray flatScores, double sparsity) {
    long n = flatScores.size();
    long k = (long) Math.floor(sparsity * n);
    if (k <= 0) {
      return Float.NEGATIVE_INFINITY;
    }
    return flatScores.sort().get(k - 1).getFloat();
  }

  private static NDArray keep(NDArray scores, float cut) {
    return scores.gt(cut).toType(DataType.FLOAT32, false);
  }
}
