package io.paretoprune.pruning;

import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.StepHook;

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

  /**
   * The hook for one run, as training builds it: {@link #create(PluginSettings)}, with the run's
   * seed handed to its strategy in every {@link PruningContext#seed()}. A provider whose hook is
   * not a {@link PruningHook} overrides this to take the seed itself.
   */
  default StepHook create(PluginSettings settings, long runSeed) {
    StepHook hook = create(settings);
    return hook instanceof PruningHook p ? p.withSeed(runSeed) : hook;
  }
}
