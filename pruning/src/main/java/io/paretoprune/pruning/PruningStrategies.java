package io.paretoprune.pruning;

import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepHook;

/** Pruning strategies by name, from the {@link PruningProvider} plug-ins on the classpath. */
public final class PruningStrategies {
  private PruningStrategies() {}

  public static PluginRegistry<PruningProvider> registry() {
    return PluginRegistry.load(PruningProvider.class, "pruning strategy");
  }

  /** Builds the named strategy; unknown names or settings are a ConfigException naming them. */
  public static StepHook create(String name, PluginSettings settings) {
    PruningProvider p = registry().get(name);
    settings.requireOnly(p);
    return p.create(settings);
  }
}
