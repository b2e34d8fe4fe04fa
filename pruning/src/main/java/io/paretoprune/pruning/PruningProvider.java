package io.paretoprune.pruning;

import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepHook;

/**
 * The pruning seam: builds the hook that prunes after every step (and once before training).
 * Pruning never learns which optimizer ran. Register an implementation in {@code
 * META-INF/services/io.paretoprune.pruning.PruningProvider}.
 */
public interface PruningProvider extends Plugin {
  /**
   * @param settings the suite's settings (selection, threshold, target sparsity, schedule, regrowth
   *     policy, seed ...), unknown keys already rejected
   */
  StepHook create(PluginSettings settings);
}
