package io.paretoprune.pruning;

import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.StepHook;
import java.util.List;

/** The pruning strategies on the classpath, found through {@link PruningProvider}. */
public final class PruningStrategies {
  private PruningStrategies() {}

  /** Loads the providers afresh (so plug-ins added to the context class loader are seen). */
  public static PluginRegistry<PruningProvider> registry() {
    return PluginRegistry.load(PruningProvider.class, "pruning strategy");
  }

  /**
   * The hook of strategy {@code name} configured by {@code settings}.
   *
   * @throws io.paretoprune.core.plugin.ConfigException for an unknown name or a bad setting
   */
  public static StepHook create(String name, PluginSettings settings) {
    return registry().get(name).create(settings);
  }

  /** The hook of strategy {@code name} for the run with seed {@code runSeed}. */
  public static StepHook create(String name, PluginSettings settings, long runSeed) {
    return registry().get(name).create(settings, runSeed);
  }

  public static List<PruningProvider> all() {
    return registry().all();
  }
}
