package io.paretoprune.optimizers;

import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.GradientCombiner;

/**
 * The multi-objective-rule seam: how the k objective gradients are weighted at every step. A new
 * rule is one class implementing this plus one line in {@code
 * META-INF/services/io.paretoprune.optimizers.CombinerProvider}; a suite then names it with any
 * step rule: {@code {label: X, combiner: my-rule, step: adam, settings: {...}}}.
 */
public interface CombinerProvider extends Plugin {
  /**
   * A fresh rule for one parameter group of one run (it may keep state across steps).
   *
   * @param settings only this rule's keys (the step rule's and the schedule's are taken out)
   * @param objectives how many objectives the group combines
   * @throws io.paretoprune.core.plugin.ConfigException naming the bad key
   */
  GradientCombiner create(PluginSettings settings, int objectives);
}
