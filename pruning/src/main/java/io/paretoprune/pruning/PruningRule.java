package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Computes keep-masks (1 keep, 0 prune; same shapes as the weights) from the current values of the
 * selected weights. Masks are their own arrays, never written into the weights here.
 */
public interface PruningRule {
  /**
   * @param weights the selected parameter arrays (or one flat array over them)
   * @param sparsity the schedule's target sparsity now (rules without a target ignore it)
   */
  List<NDArray> keepMasks(List<NDArray> weights, double sparsity);

  /**
   * True when the rule's masks do not depend on how the weights are split into arrays (an
   * elementwise or a global rule): the hook may then hand it one flat array over all of them.
   */
  default boolean splitInvariant() {
    return false;
  }
}
