package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import java.util.List;

/**
 * Decides which weights to keep, as PyTorch's {@code BasePruningMethod.compute_mask}: from the
 * selected parameters' current values, the mask in force and where training stands. It never writes
 * the weights; a {@link PruningHook} applies the mask.
 */
public interface PruningStrategy {
  /**
   * Computes keep-masks for {@code targets}.
   *
   * @param targets the selected parameters, in catalog order
   * @param prior the mask in force under the {@code fixed} regrowth policy (its zeros must stay
   *     pruned, so a strategy that counts should count them first), or {@code null}
   * @param context step, epoch and target sparsity now
   * @return one keep array per target (1 keep, 0 prune, the weight's shape and type), created in
   *     the caller's {@link ai.djl.ndarray.NDScope}
   */
  Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context);

  /**
   * The keep-mask of one array when the strategy decides entry by entry (a threshold), so the hook
   * may apply it to one flat view over all targets in a single pass; null for strategies that rank
   * entries within a layer or over a selection.
   */
  default NDArray elementwiseKeep(NDArray weights) {
    return null;
  }

  /**
   * Called once per network, before the first mask, with the whole network and the selected
   * parameters: a rule that must know more than the selection (which layer is the output) reads it
   * here, and may refuse a selection it cannot prune with a {@link
   * io.paretoprune.core.plugin.ConfigException} naming {@code on}.
   */
  default void prepare(ParameterCatalog network, List<ParameterRef> targets) {}
}
