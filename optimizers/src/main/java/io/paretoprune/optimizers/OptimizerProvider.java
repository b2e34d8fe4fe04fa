package io.paretoprune.optimizers;

import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingSchedule;

/**
 * The optimizer seam. An optimizer as a user names it ({@code smgd}, {@code madam}, {@code
 * weighted}) pairs a multi-objective rule (a {@link io.paretoprune.core.train.CombinationPlan})
 * with a DJL step rule. Register an implementation in {@code
 * META-INF/services/io.paretoprune.optimizers.OptimizerProvider}.
 */
public interface OptimizerProvider extends Plugin {
  /**
   * Builds the optimizer for one run.
   *
   * @param settings the suite's settings for it (unknown keys already rejected)
   * @param schedule the run's length, for learning-rate schedules
   * @param objectives how many objectives the run's problem has
   * @throws io.paretoprune.core.plugin.ConfigException naming the bad key
   */
  ConfiguredOptimizer create(PluginSettings settings, TrainingSchedule schedule, int objectives);
}
