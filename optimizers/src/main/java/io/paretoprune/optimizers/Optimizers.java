package io.paretoprune.optimizers;

import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingSchedule;
import java.util.List;

/**
 * The optimizers on the classpath, found by {@link java.util.ServiceLoader}: those of this module
 * and any plug-in jar's.
 */
public final class Optimizers {
  private final PluginRegistry<OptimizerProvider> registry;

  private Optimizers(PluginRegistry<OptimizerProvider> registry) {
    this.registry = registry;
  }

  /** Scans the classpath (and the thread's context class loader). */
  public static Optimizers load() {
    return new Optimizers(PluginRegistry.load(OptimizerProvider.class, "optimizer"));
  }

  /**
   * The optimizer called {@code name}.
   *
   * @throws io.paretoprune.core.plugin.ConfigException listing the known names when none is
   */
  public OptimizerProvider get(String name) {
    return registry.get(name);
  }

  public List<OptimizerProvider> all() {
    return registry.all();
  }

  /**
   * Builds optimizer {@code name} for one run.
   *
   * @param settings its settings from the suite; null for none
   * @param schedule the run's length
   * @param objectives the number of objectives of the run's problem
   * @throws io.paretoprune.core.plugin.ConfigException naming the key of an unknown name, an
   *     unknown or ill-typed setting, or an objective count the optimizer cannot work with
   */
  public ConfiguredOptimizer create(
      String name, PluginSettings settings, TrainingSchedule schedule, int objectives) {
    OptimizerProvider provider = get(name);
    PluginSettings s = settings == null ? PluginSettings.empty() : settings;
    return provider.create(s, schedule, objectives);
  }
}
