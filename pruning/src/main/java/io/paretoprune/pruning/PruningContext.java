package io.paretoprune.pruning;

/**
 * Where training stands when a strategy computes a mask, and which run it is.
 *
 * @param step steps taken so far (0 before training)
 * @param epoch the current epoch, 1-based (0 before training)
 * @param targetSparsity the fraction of the selected weights the schedule wants pruned now, in
 *     {@code [0, 1)}; strategies that prune by a fixed rule (the threshold) ignore it
 * @param seed the run's seed (its entry of the suite's {@code seeds}), for rules that draw at
 *     random, built-in or plug-in alike; 0 for a hook made without one ({@link
 *     PruningProvider#create(io.paretoprune.core.plugin.PluginSettings)} alone)
 */
public record PruningContext(long step, int epoch, double targetSparsity, long seed) {
  public PruningContext {
    if (!(targetSparsity >= 0 && targetSparsity < 1)) {
      throw new IllegalArgumentException(
          "target sparsity must be in [0, 1), got " + targetSparsity);
    }
  }
}
