package io.paretoprune.optimizers;

import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingSchedule;

/**
 * The optimizer seam: an optimizer as a user names it ({@code smgd}, {@code madam}, {@code
 * weighted}, {@code split}) pairs a multi-objective rule (a {@link
 * io.paretoprune.core.train.CombinationPlan}) with a step rule. The built-in ones are presets of
 * the two finer seams, {@link CombinerProvider} and {@link StepRuleProvider}: a new rule is better
 * written as one of those, so it works with every step rule. Implement this one for an optimizer
 * that needs its own grouping of parameters. Register it in {@code
 * META-INF/services/io.paretoprune.optimizers.OptimizerProvider}.
 */
public interface OptimizerProvider extends Plugin {
  /**
   * Builds the optimizer for one run.
   *
   * @param settings the suite's settings for it; reject keys you do not read (e.g. {@code
   *     settings.requireOnly(this)})
   * @param schedule the run's length, for learning-rate schedules
   * @param objectives how many objectives the run's problem has
   * @throws io.paretoprune.core.plugin.ConfigException naming the bad key
   */
  ConfiguredOptimizer create(PluginSettings settings, TrainingSchedule schedule, int objectives);
}
